# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_artifact_global_optspecs
    string join \n plain-http insecure ca-file= debug no-progress q/quiet retries= stall-timeout= h/help V/version
end

function __fish_artifact_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_artifact_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_artifact_using_subcommand
    set -l cmd (__fish_artifact_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c artifact -n "__fish_artifact_needs_command" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_needs_command" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_needs_command" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_needs_command" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_needs_command" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_needs_command" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_needs_command" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_needs_command" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_needs_command" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_needs_command" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "push" -d 'Push files as an artifact to a registry'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "pull" -d 'Pull an artifact\'s files from a registry'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "tag" -d 'Give an existing manifest more tags'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "inspect" -d 'Show an artifact\'s manifest, annotations and layers'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "login" -d 'Log in to a registry and store the credentials'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "logout" -d 'Remove stored credentials for a registry'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "manifest" -d 'Fetch, push and delete manifests'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "blob" -d 'Fetch, push and delete blobs'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "repo" -d 'List a registry\'s repositories and a repository\'s tags'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "resolve" -d 'Print the digest of the manifest a tag points at'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "copy" -d 'Copy an artifact or image (and optionally its referrers) between registries and OCI layouts'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "attach" -d 'Attach files to an existing artifact as a referrer (signature, SBOM, ...)'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "discover" -d 'List the referrers of an artifact'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "version" -d 'Print the version, git commit and build target'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c artifact -n "__fish_artifact_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand push" -l artifact-type -d 'The artifact\'s type (artifactType; config media type with --image-spec v1.0)' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -l config -d 'Use this file as the config blob: FILE[:MEDIATYPE]' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -s a -l annotation -d 'Manifest annotation KEY=VALUE (repeatable)' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -l annotation-file -d 'JSON file of annotations: {"$manifest": {...}, "$config": {...}, "<file title>": {...}}' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand push" -l export-manifest -d 'Also write the pushed manifest to this file' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand push" -l image-spec -d 'Image-spec version to follow: v1.1 (artifactType, empty config) or v1.0' -r -f -a "v1.1\t''
v1.0\t''"
complete -c artifact -n "__fish_artifact_using_subcommand push" -l chunk-size -d 'Blobs larger than this are uploaded in chunks of this size (e.g. 16MiB)' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -l concurrency -d 'How many blobs to upload at once' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand push" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand push" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand push" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand push" -l disable-path-validation -d 'Allow absolute file paths, stored as given'
complete -c artifact -n "__fish_artifact_using_subcommand push" -l oci-layout -d 'Push to an OCI image-layout directory instead: the reference is DIR[:TAG[,TAG...]]'
complete -c artifact -n "__fish_artifact_using_subcommand push" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand push" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand push" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand push" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand push" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand push" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand push" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand push" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -s o -l output -d 'Directory to write the files into' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l concurrency -d 'How many blobs to download at once' -r
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l platform -d 'When the reference is an image index, pull its manifest for this platform' -r
complete -c artifact -n "__fish_artifact_using_subcommand pull" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand pull" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l keep-old-files -d 'Fail instead of overwriting files that already exist'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l allow-path-traversal -d 'Allow titles and archive entries that point outside the output directory (dangerous)'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l oci-layout -d 'Pull from an OCI image-layout directory instead: the reference is DIR[:TAG] or DIR@DIGEST'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand pull" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand tag" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand tag" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l oci-layout -d 'Tag within an OCI image-layout directory instead: the reference is DIR:TAG or DIR@DIGEST'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand tag" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l platform -d 'When the reference is an image index, inspect its manifest for this platform' -r
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l oci-layout -d 'Inspect an OCI image-layout directory instead: the reference is DIR[:TAG] or DIR@DIGEST'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand inspect" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand login" -l identity-token -d 'Log in with an identity (OAuth2 refresh) token instead of a password' -r
complete -c artifact -n "__fish_artifact_using_subcommand login" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand login" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand login" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand login" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand login" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand login" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand login" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand login" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand login" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand login" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand login" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand login" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand login" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand login" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand logout" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand logout" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand logout" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand logout" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "fetch" -d 'Print a manifest exactly as the registry serves it'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "get" -d 'Print a manifest exactly as the registry serves it'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "fetch-config" -d 'Print the config blob of an image manifest, verified against its digest'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "push" -d 'Push a manifest from a file (or standard input)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "delete" -d 'Delete a manifest (and with it every tag pointing at it)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "remove" -d 'Delete a manifest (and with it every tag pointing at it)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "rm" -d 'Delete a manifest (and with it every tag pointing at it)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and not __fish_seen_subcommand_from fetch get fetch-config push delete remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -s o -l output -d 'Write the manifest to this file instead of standard output; `-` for standard output' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l format -d 'Output format: text prints the raw bytes, json a descriptor with the content' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l descriptor -d 'Print the manifest\'s descriptor (JSON); without --output nothing is downloaded'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l pretty -d 'Pretty-print JSON output (the raw manifest too, which changes its bytes)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -s o -l output -d 'Write the manifest to this file instead of standard output; `-` for standard output' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l format -d 'Output format: text prints the raw bytes, json a descriptor with the content' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l descriptor -d 'Print the manifest\'s descriptor (JSON); without --output nothing is downloaded'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l pretty -d 'Pretty-print JSON output (the raw manifest too, which changes its bytes)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -s o -l output -d 'Write the config to this file instead of standard output; `-` for standard output' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l descriptor -d 'Print the config\'s descriptor (JSON); without --output nothing else is downloaded'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from fetch-config" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l media-type -d 'Media type of the manifest (default: its `mediaType` field)' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l descriptor -d 'Print the pushed manifest\'s descriptor (JSON) instead of the summary'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -s f -l force -d 'Delete without asking for confirmation'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l descriptor -d 'Print the deleted manifest\'s descriptor (JSON); requires --force'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s f -l force -d 'Delete without asking for confirmation'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l descriptor -d 'Print the deleted manifest\'s descriptor (JSON); requires --force'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s f -l force -d 'Delete without asking for confirmation'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l descriptor -d 'Print the deleted manifest\'s descriptor (JSON); requires --force'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "fetch" -d 'Print a manifest exactly as the registry serves it'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "fetch-config" -d 'Print the config blob of an image manifest, verified against its digest'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "push" -d 'Push a manifest from a file (or standard input)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a manifest (and with it every tag pointing at it)'
complete -c artifact -n "__fish_artifact_using_subcommand manifest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -f -a "fetch" -d 'Download a blob to a file or standard output, verified against its digest'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -f -a "get" -d 'Download a blob to a file or standard output, verified against its digest'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -f -a "push" -d 'Upload a file (or standard input) as a blob'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -f -a "delete" -d 'Delete a blob from a repository'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -f -a "remove" -d 'Delete a blob from a repository'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -f -a "rm" -d 'Delete a blob from a repository'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and not __fish_seen_subcommand_from fetch get push delete remove rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -s o -l output -d 'Write the blob to this file; `-` for standard output' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l descriptor -d 'Print the blob\'s descriptor (JSON) on standard output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from fetch" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -s o -l output -d 'Write the blob to this file; `-` for standard output' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l descriptor -d 'Print the blob\'s descriptor (JSON) on standard output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l media-type -d 'Media type recorded in the printed descriptor' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l size -d 'Expected size in bytes; the upload fails when the content differs' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l descriptor -d 'Print the blob\'s descriptor (JSON) instead of the summary'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from push" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -s f -l force -d 'Delete without asking for confirmation'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l descriptor -d 'Print the deleted blob\'s descriptor (JSON); requires --force'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -s f -l force -d 'Delete without asking for confirmation'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l descriptor -d 'Print the deleted blob\'s descriptor (JSON); requires --force'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -s f -l force -d 'Delete without asking for confirmation'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l descriptor -d 'Print the deleted blob\'s descriptor (JSON); requires --force'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l pretty -d 'Pretty-print JSON output'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from help" -f -a "fetch" -d 'Download a blob to a file or standard output, verified against its digest'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from help" -f -a "push" -d 'Upload a file (or standard input) as a blob'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a blob from a repository'
complete -c artifact -n "__fish_artifact_using_subcommand blob; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -f -a "ls" -d 'List the repositories of a registry (or of a namespace in it)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -f -a "list" -d 'List the repositories of a registry (or of a namespace in it)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -f -a "tags" -d 'List the tags of a repository'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -f -a "show-tags" -d 'List the tags of a repository'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and not __fish_seen_subcommand_from ls list tags show-tags help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l last -d 'Start after this repository' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l page-size -d 'Ask for at most this many repositories per request (default: the registry\'s choice)' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l last -d 'Start after this repository' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l page-size -d 'Ask for at most this many repositories per request (default: the registry\'s choice)' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l last -d 'Start after this tag' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l page-size -d 'Ask for at most this many tags per request (default: the registry\'s choice)' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l exclude-digest-tags -d 'Leave out tags that look like digests (sha256-<hex>), as used for signatures and referrers'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from tags" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l last -d 'Start after this tag' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l page-size -d 'Ask for at most this many tags per request (default: the registry\'s choice)' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l exclude-digest-tags -d 'Leave out tags that look like digests (sha256-<hex>), as used for signatures and referrers'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from show-tags" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from help" -f -a "ls" -d 'List the repositories of a registry (or of a namespace in it)'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from help" -f -a "tags" -d 'List the tags of a repository'
complete -c artifact -n "__fish_artifact_using_subcommand repo; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -s l -l full-reference -d 'Print registry/repository@digest instead of the digest alone'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand resolve" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l platform -d 'When the source is an image index, copy only its manifest for this platform' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l concurrency -d 'How many blobs to transfer at once' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand copy" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l from-username -d 'Source registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l from-password -d 'Source registry password or token (without --from-username: an identity token)' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l from-registry-config -d 'Registry config (config.json) to look the source\'s credentials up in' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l from-ca-file -d 'Trust this CA certificate (PEM) for the source registry, instead of --ca-file' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l to-username -d 'Destination registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l to-password -d 'Destination registry password or token (without --to-username: an identity token)' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l to-registry-config -d 'Registry config (config.json) to look the destination\'s credentials up in' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l to-ca-file -d 'Trust this CA certificate (PEM) for the destination registry, instead of --ca-file' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand copy" -s r -l recursive -d 'Also copy the referrers (signatures, SBOMs, ...) of everything copied, recursively'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l from-oci-layout -d 'The source is an OCI image-layout directory'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l to-oci-layout -d 'The destination is an OCI image-layout directory (created if missing)'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l from-plain-http -d 'Use plain HTTP instead of HTTPS for the source registry'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l from-insecure -d 'Do not verify the source registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l to-plain-http -d 'Use plain HTTP instead of HTTPS for the destination registry'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l to-insecure -d 'Do not verify the destination registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand copy" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l artifact-type -d 'The attached artifact\'s type, e.g. application/vnd.example.signature' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -s a -l annotation -d 'Manifest annotation KEY=VALUE (repeatable)' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l annotation-file -d 'JSON file of annotations: {"$manifest": {...}, "<file title>": {...}}' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l chunk-size -d 'Blobs larger than this are uploaded in chunks of this size (e.g. 16MiB)' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l concurrency -d 'How many blobs to upload at once' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l format -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand attach" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l disable-path-validation -d 'Allow absolute file paths, stored as given'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l oci-layout -d 'The subject is in an OCI image-layout directory'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand attach" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l artifact-type -d 'List only referrers of this artifact type' -r
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l format -d 'Output format: tree, or json ({"manifests": [descriptors]})' -r -f -a "tree\t''
json\t''"
complete -c artifact -n "__fish_artifact_using_subcommand discover" -s u -l username -d 'Registry username' -r
complete -c artifact -n "__fish_artifact_using_subcommand discover" -s p -l password -d 'Registry password or token' -r
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l registry-config -d 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l oci-layout -d 'The subject is in an OCI image-layout directory'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l password-stdin -d 'Read the password from standard input'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand discover" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand version" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand version" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand version" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand version" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand version" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand version" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand version" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand version" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand version" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand version" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand completion" -l ca-file -d 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots' -r -F
complete -c artifact -n "__fish_artifact_using_subcommand completion" -l retries -d 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times' -r
complete -c artifact -n "__fish_artifact_using_subcommand completion" -l stall-timeout -d 'Fail a connection or transfer that makes no progress for this many seconds' -r
complete -c artifact -n "__fish_artifact_using_subcommand completion" -l plain-http -d 'Use plain HTTP instead of HTTPS to talk to the registry'
complete -c artifact -n "__fish_artifact_using_subcommand completion" -l insecure -d 'Do not verify the registry\'s TLS certificate'
complete -c artifact -n "__fish_artifact_using_subcommand completion" -l debug -d 'Print an HTTP trace on stderr (secrets are redacted)'
complete -c artifact -n "__fish_artifact_using_subcommand completion" -l no-progress -d 'Do not show progress bars (they are drawn only when stderr is a terminal)'
complete -c artifact -n "__fish_artifact_using_subcommand completion" -s q -l quiet -d 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes'
complete -c artifact -n "__fish_artifact_using_subcommand completion" -s h -l help -d 'Print help'
complete -c artifact -n "__fish_artifact_using_subcommand completion" -s V -l version -d 'Print version'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "push" -d 'Push files as an artifact to a registry'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "pull" -d 'Pull an artifact\'s files from a registry'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "tag" -d 'Give an existing manifest more tags'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "inspect" -d 'Show an artifact\'s manifest, annotations and layers'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "login" -d 'Log in to a registry and store the credentials'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "logout" -d 'Remove stored credentials for a registry'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "manifest" -d 'Fetch, push and delete manifests'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "blob" -d 'Fetch, push and delete blobs'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "repo" -d 'List a registry\'s repositories and a repository\'s tags'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "resolve" -d 'Print the digest of the manifest a tag points at'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "copy" -d 'Copy an artifact or image (and optionally its referrers) between registries and OCI layouts'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "attach" -d 'Attach files to an existing artifact as a referrer (signature, SBOM, ...)'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "discover" -d 'List the referrers of an artifact'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "version" -d 'Print the version, git commit and build target'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c artifact -n "__fish_artifact_using_subcommand help; and not __fish_seen_subcommand_from push pull tag inspect login logout manifest blob repo resolve copy attach discover version completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "fetch" -d 'Print a manifest exactly as the registry serves it'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "fetch-config" -d 'Print the config blob of an image manifest, verified against its digest'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "push" -d 'Push a manifest from a file (or standard input)'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from manifest" -f -a "delete" -d 'Delete a manifest (and with it every tag pointing at it)'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from blob" -f -a "fetch" -d 'Download a blob to a file or standard output, verified against its digest'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from blob" -f -a "push" -d 'Upload a file (or standard input) as a blob'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from blob" -f -a "delete" -d 'Delete a blob from a repository'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from repo" -f -a "ls" -d 'List the repositories of a registry (or of a namespace in it)'
complete -c artifact -n "__fish_artifact_using_subcommand help; and __fish_seen_subcommand_from repo" -f -a "tags" -d 'List the tags of a repository'
