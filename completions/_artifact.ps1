
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'artifact' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'artifact'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'artifact' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Push files as an artifact to a registry')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Pull an artifact''s files from a registry')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Give an existing manifest more tags')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show an artifact''s manifest, annotations and layers')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a registry and store the credentials')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove stored credentials for a registry')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Fetch, push and delete manifests')
            [CompletionResult]::new('blob', 'blob', [CompletionResultType]::ParameterValue, 'Fetch, push and delete blobs')
            [CompletionResult]::new('repo', 'repo', [CompletionResultType]::ParameterValue, 'List a registry''s repositories and a repository''s tags')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Print the digest of the manifest a tag points at')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy an artifact or image (and optionally its referrers) between registries and OCI layouts')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach files to an existing artifact as a referrer (signature, SBOM, ...)')
            [CompletionResult]::new('discover', 'discover', [CompletionResultType]::ParameterValue, 'List the referrers of an artifact')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, git commit and build target')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;push' {
            [CompletionResult]::new('--artifact-type', '--artifact-type', [CompletionResultType]::ParameterName, 'The artifact''s type (artifactType; config media type with --image-spec v1.0)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Use this file as the config blob: FILE[:MEDIATYPE]')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Manifest annotation KEY=VALUE (repeatable)')
            [CompletionResult]::new('--annotation', '--annotation', [CompletionResultType]::ParameterName, 'Manifest annotation KEY=VALUE (repeatable)')
            [CompletionResult]::new('--annotation-file', '--annotation-file', [CompletionResultType]::ParameterName, 'JSON file of annotations: {"$manifest": {...}, "$config": {...}, "<file title>": {...}}')
            [CompletionResult]::new('--export-manifest', '--export-manifest', [CompletionResultType]::ParameterName, 'Also write the pushed manifest to this file')
            [CompletionResult]::new('--image-spec', '--image-spec', [CompletionResultType]::ParameterName, 'Image-spec version to follow: v1.1 (artifactType, empty config) or v1.0')
            [CompletionResult]::new('--chunk-size', '--chunk-size', [CompletionResultType]::ParameterName, 'Blobs larger than this are uploaded in chunks of this size (e.g. 16MiB)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many blobs to upload at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--disable-path-validation', '--disable-path-validation', [CompletionResultType]::ParameterName, 'Allow absolute file paths, stored as given')
            [CompletionResult]::new('--oci-layout', '--oci-layout', [CompletionResultType]::ParameterName, 'Push to an OCI image-layout directory instead: the reference is DIR[:TAG[,TAG...]]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;pull' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Directory to write the files into')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Directory to write the files into')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many blobs to download at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'When the reference is an image index, pull its manifest for this platform')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--keep-old-files', '--keep-old-files', [CompletionResultType]::ParameterName, 'Fail instead of overwriting files that already exist')
            [CompletionResult]::new('--allow-path-traversal', '--allow-path-traversal', [CompletionResultType]::ParameterName, 'Allow titles and archive entries that point outside the output directory (dangerous)')
            [CompletionResult]::new('--oci-layout', '--oci-layout', [CompletionResultType]::ParameterName, 'Pull from an OCI image-layout directory instead: the reference is DIR[:TAG] or DIR@DIGEST')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;tag' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--oci-layout', '--oci-layout', [CompletionResultType]::ParameterName, 'Tag within an OCI image-layout directory instead: the reference is DIR:TAG or DIR@DIGEST')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;inspect' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'When the reference is an image index, inspect its manifest for this platform')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--oci-layout', '--oci-layout', [CompletionResultType]::ParameterName, 'Inspect an OCI image-layout directory instead: the reference is DIR[:TAG] or DIR@DIGEST')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;login' {
            [CompletionResult]::new('--identity-token', '--identity-token', [CompletionResultType]::ParameterName, 'Log in with an identity (OAuth2 refresh) token instead of a password')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;logout' {
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Print a manifest exactly as the registry serves it')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print a manifest exactly as the registry serves it')
            [CompletionResult]::new('fetch-config', 'fetch-config', [CompletionResultType]::ParameterValue, 'Print the config blob of an image manifest, verified against its digest')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Push a manifest from a file (or standard input)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a manifest (and with it every tag pointing at it)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a manifest (and with it every tag pointing at it)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a manifest (and with it every tag pointing at it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;manifest;fetch' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the manifest to this file instead of standard output; `-` for standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the manifest to this file instead of standard output; `-` for standard output')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text prints the raw bytes, json a descriptor with the content')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the manifest''s descriptor (JSON); without --output nothing is downloaded')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output (the raw manifest too, which changes its bytes)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the manifest to this file instead of standard output; `-` for standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the manifest to this file instead of standard output; `-` for standard output')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: text prints the raw bytes, json a descriptor with the content')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the manifest''s descriptor (JSON); without --output nothing is downloaded')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output (the raw manifest too, which changes its bytes)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest;fetch-config' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the config to this file instead of standard output; `-` for standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the config to this file instead of standard output; `-` for standard output')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the config''s descriptor (JSON); without --output nothing else is downloaded')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest;push' {
            [CompletionResult]::new('--media-type', '--media-type', [CompletionResultType]::ParameterName, 'Media type of the manifest (default: its `mediaType` field)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the pushed manifest''s descriptor (JSON) instead of the summary')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest;delete' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the deleted manifest''s descriptor (JSON); requires --force')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest;remove' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the deleted manifest''s descriptor (JSON); requires --force')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest;rm' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the deleted manifest''s descriptor (JSON); requires --force')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;manifest;help' {
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Print a manifest exactly as the registry serves it')
            [CompletionResult]::new('fetch-config', 'fetch-config', [CompletionResultType]::ParameterValue, 'Print the config blob of an image manifest, verified against its digest')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Push a manifest from a file (or standard input)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a manifest (and with it every tag pointing at it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;manifest;help;fetch' {
            break
        }
        'artifact;manifest;help;fetch-config' {
            break
        }
        'artifact;manifest;help;push' {
            break
        }
        'artifact;manifest;help;delete' {
            break
        }
        'artifact;manifest;help;help' {
            break
        }
        'artifact;blob' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Download a blob to a file or standard output, verified against its digest')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Download a blob to a file or standard output, verified against its digest')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Upload a file (or standard input) as a blob')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a blob from a repository')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Delete a blob from a repository')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a blob from a repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;blob;fetch' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the blob to this file; `-` for standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the blob to this file; `-` for standard output')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the blob''s descriptor (JSON) on standard output')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;blob;get' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write the blob to this file; `-` for standard output')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write the blob to this file; `-` for standard output')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the blob''s descriptor (JSON) on standard output')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;blob;push' {
            [CompletionResult]::new('--media-type', '--media-type', [CompletionResultType]::ParameterName, 'Media type recorded in the printed descriptor')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'Expected size in bytes; the upload fails when the content differs')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the blob''s descriptor (JSON) instead of the summary')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;blob;delete' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the deleted blob''s descriptor (JSON); requires --force')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;blob;remove' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the deleted blob''s descriptor (JSON); requires --force')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;blob;rm' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Delete without asking for confirmation')
            [CompletionResult]::new('--descriptor', '--descriptor', [CompletionResultType]::ParameterName, 'Print the deleted blob''s descriptor (JSON); requires --force')
            [CompletionResult]::new('--pretty', '--pretty', [CompletionResultType]::ParameterName, 'Pretty-print JSON output')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;blob;help' {
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Download a blob to a file or standard output, verified against its digest')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Upload a file (or standard input) as a blob')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a blob from a repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;blob;help;fetch' {
            break
        }
        'artifact;blob;help;push' {
            break
        }
        'artifact;blob;help;delete' {
            break
        }
        'artifact;blob;help;help' {
            break
        }
        'artifact;repo' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the repositories of a registry (or of a namespace in it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the repositories of a registry (or of a namespace in it)')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'List the tags of a repository')
            [CompletionResult]::new('show-tags', 'show-tags', [CompletionResultType]::ParameterValue, 'List the tags of a repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;repo;ls' {
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Start after this repository')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Ask for at most this many repositories per request (default: the registry''s choice)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;repo;list' {
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Start after this repository')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Ask for at most this many repositories per request (default: the registry''s choice)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;repo;tags' {
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Start after this tag')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Ask for at most this many tags per request (default: the registry''s choice)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--exclude-digest-tags', '--exclude-digest-tags', [CompletionResultType]::ParameterName, 'Leave out tags that look like digests (sha256-<hex>), as used for signatures and referrers')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;repo;show-tags' {
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Start after this tag')
            [CompletionResult]::new('--page-size', '--page-size', [CompletionResultType]::ParameterName, 'Ask for at most this many tags per request (default: the registry''s choice)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--exclude-digest-tags', '--exclude-digest-tags', [CompletionResultType]::ParameterName, 'Leave out tags that look like digests (sha256-<hex>), as used for signatures and referrers')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;repo;help' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the repositories of a registry (or of a namespace in it)')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'List the tags of a repository')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;repo;help;ls' {
            break
        }
        'artifact;repo;help;tags' {
            break
        }
        'artifact;repo;help;help' {
            break
        }
        'artifact;resolve' {
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-l', '-l', [CompletionResultType]::ParameterName, 'Print registry/repository@digest instead of the digest alone')
            [CompletionResult]::new('--full-reference', '--full-reference', [CompletionResultType]::ParameterName, 'Print registry/repository@digest instead of the digest alone')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;copy' {
            [CompletionResult]::new('--platform', '--platform', [CompletionResultType]::ParameterName, 'When the source is an image index, copy only its manifest for this platform')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many blobs to transfer at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--from-username', '--from-username', [CompletionResultType]::ParameterName, 'Source registry username')
            [CompletionResult]::new('--from-password', '--from-password', [CompletionResultType]::ParameterName, 'Source registry password or token (without --from-username: an identity token)')
            [CompletionResult]::new('--from-registry-config', '--from-registry-config', [CompletionResultType]::ParameterName, 'Registry config (config.json) to look the source''s credentials up in')
            [CompletionResult]::new('--from-ca-file', '--from-ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) for the source registry, instead of --ca-file')
            [CompletionResult]::new('--to-username', '--to-username', [CompletionResultType]::ParameterName, 'Destination registry username')
            [CompletionResult]::new('--to-password', '--to-password', [CompletionResultType]::ParameterName, 'Destination registry password or token (without --to-username: an identity token)')
            [CompletionResult]::new('--to-registry-config', '--to-registry-config', [CompletionResultType]::ParameterName, 'Registry config (config.json) to look the destination''s credentials up in')
            [CompletionResult]::new('--to-ca-file', '--to-ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) for the destination registry, instead of --ca-file')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Also copy the referrers (signatures, SBOMs, ...) of everything copied, recursively')
            [CompletionResult]::new('--recursive', '--recursive', [CompletionResultType]::ParameterName, 'Also copy the referrers (signatures, SBOMs, ...) of everything copied, recursively')
            [CompletionResult]::new('--from-oci-layout', '--from-oci-layout', [CompletionResultType]::ParameterName, 'The source is an OCI image-layout directory')
            [CompletionResult]::new('--to-oci-layout', '--to-oci-layout', [CompletionResultType]::ParameterName, 'The destination is an OCI image-layout directory (created if missing)')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--from-plain-http', '--from-plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS for the source registry')
            [CompletionResult]::new('--from-insecure', '--from-insecure', [CompletionResultType]::ParameterName, 'Do not verify the source registry''s TLS certificate')
            [CompletionResult]::new('--to-plain-http', '--to-plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS for the destination registry')
            [CompletionResult]::new('--to-insecure', '--to-insecure', [CompletionResultType]::ParameterName, 'Do not verify the destination registry''s TLS certificate')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;attach' {
            [CompletionResult]::new('--artifact-type', '--artifact-type', [CompletionResultType]::ParameterName, 'The attached artifact''s type, e.g. application/vnd.example.signature')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Manifest annotation KEY=VALUE (repeatable)')
            [CompletionResult]::new('--annotation', '--annotation', [CompletionResultType]::ParameterName, 'Manifest annotation KEY=VALUE (repeatable)')
            [CompletionResult]::new('--annotation-file', '--annotation-file', [CompletionResultType]::ParameterName, 'JSON file of annotations: {"$manifest": {...}, "<file title>": {...}}')
            [CompletionResult]::new('--chunk-size', '--chunk-size', [CompletionResultType]::ParameterName, 'Blobs larger than this are uploaded in chunks of this size (e.g. 16MiB)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many blobs to upload at once')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--disable-path-validation', '--disable-path-validation', [CompletionResultType]::ParameterName, 'Allow absolute file paths, stored as given')
            [CompletionResult]::new('--oci-layout', '--oci-layout', [CompletionResultType]::ParameterName, 'The subject is in an OCI image-layout directory')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;discover' {
            [CompletionResult]::new('--artifact-type', '--artifact-type', [CompletionResultType]::ParameterName, 'List only referrers of this artifact type')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: tree, or json ({"manifests": [descriptors]})')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Registry username')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--password', '--password', [CompletionResultType]::ParameterName, 'Registry password or token')
            [CompletionResult]::new('--registry-config', '--registry-config', [CompletionResultType]::ParameterName, 'Path to the registry config (default: $DOCKER_CONFIG/config.json or ~/.docker/config.json)')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--oci-layout', '--oci-layout', [CompletionResultType]::ParameterName, 'The subject is in an OCI image-layout directory')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from standard input')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;version' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;completion' {
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'Trust this CA certificate (PEM) in addition to the built-in Mozilla roots')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retry failed requests (connect errors, resets, timeouts, 408, 429, 5xx) this many times')
            [CompletionResult]::new('--stall-timeout', '--stall-timeout', [CompletionResultType]::ParameterName, 'Fail a connection or transfer that makes no progress for this many seconds')
            [CompletionResult]::new('--plain-http', '--plain-http', [CompletionResultType]::ParameterName, 'Use plain HTTP instead of HTTPS to talk to the registry')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the registry''s TLS certificate')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Print an HTTP trace on stderr (secrets are redacted)')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Do not show progress bars (they are drawn only when stderr is a terminal)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors and the result: the digest for push, attach, tag, manifest push and blob push; nothing for pull, copy, login, logout and deletes')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'artifact;help' {
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Push files as an artifact to a registry')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Pull an artifact''s files from a registry')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Give an existing manifest more tags')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Show an artifact''s manifest, annotations and layers')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in to a registry and store the credentials')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove stored credentials for a registry')
            [CompletionResult]::new('manifest', 'manifest', [CompletionResultType]::ParameterValue, 'Fetch, push and delete manifests')
            [CompletionResult]::new('blob', 'blob', [CompletionResultType]::ParameterValue, 'Fetch, push and delete blobs')
            [CompletionResult]::new('repo', 'repo', [CompletionResultType]::ParameterValue, 'List a registry''s repositories and a repository''s tags')
            [CompletionResult]::new('resolve', 'resolve', [CompletionResultType]::ParameterValue, 'Print the digest of the manifest a tag points at')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy an artifact or image (and optionally its referrers) between registries and OCI layouts')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach files to an existing artifact as a referrer (signature, SBOM, ...)')
            [CompletionResult]::new('discover', 'discover', [CompletionResultType]::ParameterValue, 'List the referrers of an artifact')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, git commit and build target')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'artifact;help;push' {
            break
        }
        'artifact;help;pull' {
            break
        }
        'artifact;help;tag' {
            break
        }
        'artifact;help;inspect' {
            break
        }
        'artifact;help;login' {
            break
        }
        'artifact;help;logout' {
            break
        }
        'artifact;help;manifest' {
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Print a manifest exactly as the registry serves it')
            [CompletionResult]::new('fetch-config', 'fetch-config', [CompletionResultType]::ParameterValue, 'Print the config blob of an image manifest, verified against its digest')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Push a manifest from a file (or standard input)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a manifest (and with it every tag pointing at it)')
            break
        }
        'artifact;help;manifest;fetch' {
            break
        }
        'artifact;help;manifest;fetch-config' {
            break
        }
        'artifact;help;manifest;push' {
            break
        }
        'artifact;help;manifest;delete' {
            break
        }
        'artifact;help;blob' {
            [CompletionResult]::new('fetch', 'fetch', [CompletionResultType]::ParameterValue, 'Download a blob to a file or standard output, verified against its digest')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Upload a file (or standard input) as a blob')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a blob from a repository')
            break
        }
        'artifact;help;blob;fetch' {
            break
        }
        'artifact;help;blob;push' {
            break
        }
        'artifact;help;blob;delete' {
            break
        }
        'artifact;help;repo' {
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the repositories of a registry (or of a namespace in it)')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'List the tags of a repository')
            break
        }
        'artifact;help;repo;ls' {
            break
        }
        'artifact;help;repo;tags' {
            break
        }
        'artifact;help;resolve' {
            break
        }
        'artifact;help;copy' {
            break
        }
        'artifact;help;attach' {
            break
        }
        'artifact;help;discover' {
            break
        }
        'artifact;help;version' {
            break
        }
        'artifact;help;completion' {
            break
        }
        'artifact;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
