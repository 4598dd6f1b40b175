use std::process::ExitCode;

fn main() -> ExitCode {
    artifact::cli::main()
}
