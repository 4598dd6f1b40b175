//! `Examples:` sections shown after each command's `--help` (clap `after_help`) and, through
//! the generated reference, in `docs/reference/`. Every flag used here must exist.

pub const PUSH: &str = "\
Examples:
  # Push two files; the media type of the second is given after a colon
  artifact push ghcr.io/acme/bundle:v1 model.bin config.json:application/json

  # Push a directory (one tar+gzip layer) under two tags, with a type and an annotation
  artifact push ghcr.io/acme/site:v1,latest ./public \\
      --artifact-type application/vnd.acme.site -a org.opencontainers.image.version=1.0

  # Push to a local registry over plain HTTP and print the result as JSON
  artifact push --plain-http localhost:5000/demo/hello:v1 hello.txt --format json
";

pub const PULL: &str = "\
Examples:
  # Pull every file of an artifact into ./out
  artifact pull ghcr.io/acme/bundle:v1 -o out

  # Pull by digest and fail rather than overwrite existing files
  artifact pull ghcr.io/acme/bundle@sha256:<digest> --keep-old-files

  # Pull from a local registry and list the written files as JSON
  artifact pull --plain-http localhost:5000/demo/hello:v1 --format json
";

pub const TAG: &str = "\
Examples:
  # Give the manifest tagged v1 the tags stable and 1.0
  artifact tag ghcr.io/acme/bundle:v1 stable 1.0

  # Tag a manifest by digest
  artifact tag ghcr.io/acme/bundle@sha256:<digest> release
";

pub const INSPECT: &str = "\
Examples:
  # Show the digest, artifact type, annotations and layers
  artifact inspect ghcr.io/acme/bundle:v1

  # The same as JSON, with the raw manifest, for scripts
  artifact inspect ghcr.io/acme/bundle:v1 --format json | jq -r .digest
";

pub const LOGIN: &str = "\
Examples:
  # GitHub Container Registry with a personal access token
  echo \"$GITHUB_TOKEN\" | artifact login ghcr.io -u USERNAME --password-stdin

  # Amazon ECR
  aws ecr get-login-password --region us-east-1 | \\
      artifact login --password-stdin -u AWS 123456789012.dkr.ecr.us-east-1.amazonaws.com

  # Google Artifact Registry with a gcloud access token
  gcloud auth print-access-token | \\
      artifact login -u oauth2accesstoken --password-stdin europe-docker.pkg.dev

  # Prompt for the username and password (on a terminal)
  artifact login registry.example.com
";

pub const LOGOUT: &str = "\
Examples:
  # Remove the stored credentials for GHCR (helper, OS keyring and config.json)
  artifact logout ghcr.io

  # Use a specific registry config instead of ~/.docker/config.json
  artifact logout localhost:5000 --registry-config ./config.json
";

pub const COMPLETION: &str = "\
Examples:
  # Bash: load now, or install for every session
  source <(artifact completion bash)
  artifact completion bash > ~/.local/share/bash-completion/completions/artifact

  # Zsh: a directory in $fpath
  artifact completion zsh > \"${fpath[1]}/_artifact\"

  # Fish
  artifact completion fish > ~/.config/fish/completions/artifact.fish

  # PowerShell: add to $PROFILE
  artifact completion powershell | Out-String | Invoke-Expression

  # Elvish: add to rc.elv
  eval (artifact completion elvish | slurp)
";
