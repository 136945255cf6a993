
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ao' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ao'
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
        'ao' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('spawn', 'spawn', [CompletionResultType]::ParameterValue, 'Start a process on the embedded node; prints its id')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a signed message to a process; prints its id and result')
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate Lua inside a process; prints its output')
            [CompletionResult]::new('dryrun', 'dryrun', [CompletionResultType]::ParameterValue, 'Evaluate a message without keeping it; prints the result, the process is untouched')
            [CompletionResult]::new('repl', 'repl', [CompletionResultType]::ParameterValue, 'Evaluate Lua interactively inside a process (spawned if the name is new); `ao` alone is `ao repl`')
            [CompletionResult]::new('result', 'result', [CompletionResultType]::ParameterValue, 'Print the stored result of a message')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute a process from its log and compare with every stored (or remote) result')
            [CompletionResult]::new('fork', 'fork', [CompletionResultType]::ParameterValue, 'Bring a process of a remote network into the embedded node, to go on locally (--network)')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'List the messages in a process''s Inbox')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the processes of the embedded node (on a remote network: the wallet''s)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Print what a process''s messages print and send, from any sender; -f follows')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Start a project from a template: manifest, sources, tests, CI workflow (--list shows them)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the project''s Lua tests against fresh local processes built from its ao.toml')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Spawn and load the project''s processes on the embedded node or a network (ao.lock records them)')
            [CompletionResult]::new('wallet', 'wallet', [CompletionResultType]::ParameterValue, 'Create a wallet or show its address')
            [CompletionResult]::new('item', 'item', [CompletionResultType]::ParameterValue, 'Sign, inspect and verify ANS-104 data items')
            [CompletionResult]::new('module', 'module', [CompletionResultType]::ParameterValue, 'Register and list the wasm modules processes can run (`ao spawn --module ID`)')
            [CompletionResult]::new('drive', 'drive', [CompletionResultType]::ParameterValue, 'The local WeaveDrive store: data items, attestations and blocks processes read')
            [CompletionResult]::new('network', 'network', [CompletionResultType]::ParameterValue, 'Show the network commands use and whether it answers; name networks (list, add, remove)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the embedded node as an AO devnet on HTTP (MU, SU, CU and gateway APIs) until Ctrl-C')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the versions of ao, its process module and its wasm engine')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;spawn' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)')
            [CompletionResult]::new('--module', '--module', [CompletionResultType]::ParameterName, 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)')
            [CompletionResult]::new('--cron', '--cron', [CompletionResultType]::ParameterName, 'Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes, 1-hour, 2-blocks), as `aos --cron` does')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--tag-name', '--tag-name', [CompletionResultType]::ParameterName, 'A tag''s name, given with a --tag-value after it, as aos takes tags (repeatable, in pairs)')
            [CompletionResult]::new('--tag-value', '--tag-value', [CompletionResultType]::ParameterName, 'The value of the --tag-name before it')
            [CompletionResult]::new('--load', '--load', [CompletionResultType]::ParameterName, 'Evaluate FILE in the process (with the local files it requires), as `.load` does (repeatable)')
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'Evaluate CODE in the process (after --load), print what it gives, and exit')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;send' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'The message''s `Action` tag')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'The message''s `Action` tag')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;eval' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Evaluate the Lua in FILE, with the local files it `require`s')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Evaluate the Lua in FILE, with the local files it `require`s')
            [CompletionResult]::new('--blueprint', '--blueprint', [CompletionResultType]::ParameterName, 'Load a blueprint (token, chatroom, voting, staking, arena, chat, htoken, patch-legacy-reply, apm, arns, cred-utils)')
            [CompletionResult]::new('--slot', '--slot', [CompletionResultType]::ParameterName, 'Evaluate as a dry run on the process as it was right after slot N''s message (nothing is sent or kept)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;dryrun' {
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'The message''s `Action` tag')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'The message''s `Action` tag')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--slot', '--slot', [CompletionResultType]::ParameterName, 'Evaluate on the process as it was right after slot N''s message (recomputed from its log)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;repl' {
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)')
            [CompletionResult]::new('--module', '--module', [CompletionResultType]::ParameterName, 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)')
            [CompletionResult]::new('--cron', '--cron', [CompletionResultType]::ParameterName, 'Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes, 1-hour, 2-blocks), as `aos --cron` does')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable)')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'The data: TEXT, or @FILE')
            [CompletionResult]::new('--tag-name', '--tag-name', [CompletionResultType]::ParameterName, 'A tag''s name, given with a --tag-value after it, as aos takes tags (repeatable, in pairs)')
            [CompletionResult]::new('--tag-value', '--tag-value', [CompletionResultType]::ParameterName, 'The value of the --tag-name before it')
            [CompletionResult]::new('--load', '--load', [CompletionResultType]::ParameterName, 'Evaluate FILE in the process (with the local files it requires), as `.load` does (repeatable)')
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'Evaluate CODE in the process (after --load), print what it gives, and exit')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow what PROCESS''s messages print instead (as `ao tail -f`), as `aos --watch`')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the wallet''s processes and exit (as `ao list`), as `aos --list`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;result' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'The process it was scheduled for (id or name) [default: where it was first scheduled; needed on a remote network]')
            [CompletionResult]::new('--process', '--process', [CompletionResultType]::ParameterName, 'The process it was scheduled for (id or name) [default: where it was first scheduled; needed on a remote network]')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;verify' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Stop after slot SLOT [default: the newest]')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;fork' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The local name for the copy (the wallet''s handle on it, as `ao spawn NAME` gives)')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Fork it as it was right after slot SLOT [default: its newest]')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--from-state', '--from-state', [CompletionResultType]::ParameterName, 'Take its memory from the network''s compute unit (`/state`) instead of recomputing its schedule (when that is impossible here: WeaveDrive data, a schedule not served whole)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;inbox' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Show only the newest N messages')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Show only the newest N messages')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;list' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;tail' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Start with the newest N messages')
            [CompletionResult]::new('--lines', '--lines', [CompletionResultType]::ParameterName, 'Start with the newest N messages')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep printing new messages as they are evaluated (Ctrl-C stops)')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep printing new messages as they are evaluated (Ctrl-C stops)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;init' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The template to start from (`--list` shows them)')
            [CompletionResult]::new('--template', '--template', [CompletionResultType]::ParameterName, 'The template to start from (`--list` shows them)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The project''s name (in process names and its README) [default: the folder''s name]')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the templates and exit')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;test' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]')
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Also write a JUnit XML report to FILE (for CI test views)')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--tap', '--tap', [CompletionResultType]::ParameterName, 'Print TAP (version 13) instead of text')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;deploy' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Print what the deploy would do, and do nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;wallet' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)')
            [CompletionResult]::new('address', 'address', [CompletionResultType]::ParameterValue, 'Print the wallet''s 43-character address')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;wallet;new' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write it [default: the --wallet file, or ~/.aos.json]')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file (the key in it is lost)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;wallet;address' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;wallet;help' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)')
            [CompletionResult]::new('address', 'address', [CompletionResultType]::ParameterValue, 'Print the wallet''s 43-character address')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;wallet;help;new' {
            break
        }
        'ao;wallet;help;address' {
            break
        }
        'ao;wallet;help;help' {
            break
        }
        'ao;item' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a data item with the wallet and write it to a file')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Print a data item as JSON (fields, and whether it is valid)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Exit 0 if a data item is valid, 1 (with the reason) if not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;item;sign' {
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'Target (a process id), 43 base64url characters')
            [CompletionResult]::new('--anchor', '--anchor', [CompletionResultType]::ParameterName, 'Anchor: 32 characters (as aoconnect writes them) or 32 bytes in base64url')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag; repeat for more, in order')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag; repeat for more, in order')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Data: the text itself, or @FILE for a file''s bytes')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data: the text itself, or @FILE for a file''s bytes')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the signed item')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;item;inspect' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;item;verify' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;item;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a data item with the wallet and write it to a file')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Print a data item as JSON (fields, and whether it is valid)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Exit 0 if a data item is valid, 1 (with the reason) if not')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;item;help;sign' {
            break
        }
        'ao;item;help;inspect' {
            break
        }
        'ao;item;help;verify' {
            break
        }
        'ao;item;help;help' {
            break
        }
        'ao;module' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered modules')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;module;add' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Its Module-Format, e.g. wasm64-unknown-emscripten-draft_2024_02_15, wasm32-unknown-emscripten4')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Its Module-Format, e.g. wasm64-unknown-emscripten-draft_2024_02_15, wasm32-unknown-emscripten4')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable): Name, Memory-Limit, Compute-Limit, AOS-Version, ...')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable): Name, Memory-Limit, Compute-Limit, AOS-Version, ...')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;module;list' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;module;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered modules')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;module;help;add' {
            break
        }
        'ao;module;help;list' {
            break
        }
        'ao;module;help;help' {
            break
        }
        'ao;drive' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Store a file''s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Store a block (a gateway''s /block/height/H JSON) for /block/H')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the stored items, their statements, and the stored blocks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;drive;add' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable), e.g. Content-Type=text/plain')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag, NAME=VALUE (repeatable), e.g. Content-Type=text/plain')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--no-attest', '--no-attest', [CompletionResultType]::ParameterName, 'Do not have the local scheduler attest it (processes cannot read it until someone does)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;drive;import' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--no-attest', '--no-attest', [CompletionResultType]::ParameterName, 'Do not have the local scheduler attest it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;drive;attest' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--available', '--available', [CompletionResultType]::ParameterName, 'State that it is available (Data-Protocol=WeaveDrive, Type=Available), which counts for processes with Availability-Type=Individual')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;drive;block' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;drive;list' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;drive;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Store a file''s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Store a block (a gateway''s /block/height/H JSON) for /block/H')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the stored items, their statements, and the stored blocks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;drive;help;add' {
            break
        }
        'ao;drive;help;import' {
            break
        }
        'ao;drive;help;attest' {
            break
        }
        'ao;drive;help;block' {
            break
        }
        'ao;drive;help;list' {
            break
        }
        'ao;drive;help;help' {
            break
        }
        'ao;network' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The named networks: built in (local, mainnet, legacy) and the networks file''s')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Name a network: a node''s URL, or the legacy units given with --mu-url, --cu-url, --su-url')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a named network of the networks file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;network;list' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;network;add' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;network;remove' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;network;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The named networks: built in (local, mainnet, legacy) and the networks file''s')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Name a network: a node''s URL, or the legacy units given with --mu-url, --cu-url, --su-url')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a named network of the networks file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;network;help;list' {
            break
        }
        'ao;network;help;add' {
            break
        }
        'ao;network;help;remove' {
            break
        }
        'ao;network;help;help' {
            break
        }
        'ao;serve' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Port to listen on (0: any free port; the one taken is printed)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to listen on (0: any free port; the one taken is printed)')
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on; anything but loopback lets other machines use this node')
            [CompletionResult]::new('--scheduler-url', '--scheduler-url', [CompletionResultType]::ParameterName, 'Have the scheduler unit at URL (another `ao serve --scheduler-only`, a legacy SU) order this devnet''s messages; this one evaluates and delivers them')
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--scheduler-only', '--scheduler-only', [CompletionResultType]::ParameterName, 'Serve only the scheduler unit (`/su`): messages get their slots, nothing is evaluated or delivered (for devnets that compute with `--scheduler-url`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;version' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;completions' {
            [CompletionResult]::new('--wallet', '--wallet', [CompletionResultType]::ParameterName, 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]')
            [CompletionResult]::new('--home', '--home', [CompletionResultType]::ParameterName, 'Where the embedded node keeps its state [default: the platform''s data directory]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never')
            [CompletionResult]::new('--network', '--network', [CompletionResultType]::ParameterName, 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)')
            [CompletionResult]::new('--mu-url', '--mu-url', [CompletionResultType]::ParameterName, 'The legacy units to work on instead (all three): the messenger unit''s URL')
            [CompletionResult]::new('--cu-url', '--cu-url', [CompletionResultType]::ParameterName, 'The legacy compute unit''s URL (with --mu-url)')
            [CompletionResult]::new('--su-url', '--su-url', [CompletionResultType]::ParameterName, 'The legacy scheduler unit''s URL (with --mu-url)')
            [CompletionResult]::new('--gateway-url', '--gateway-url', [CompletionResultType]::ParameterName, 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print one JSON document instead of text')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the essentials: no notices, no progress, no list of sent messages')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Also print details: slots, message ids, timings (on stderr)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ao;help' {
            [CompletionResult]::new('spawn', 'spawn', [CompletionResultType]::ParameterValue, 'Start a process on the embedded node; prints its id')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Send a signed message to a process; prints its id and result')
            [CompletionResult]::new('eval', 'eval', [CompletionResultType]::ParameterValue, 'Evaluate Lua inside a process; prints its output')
            [CompletionResult]::new('dryrun', 'dryrun', [CompletionResultType]::ParameterValue, 'Evaluate a message without keeping it; prints the result, the process is untouched')
            [CompletionResult]::new('repl', 'repl', [CompletionResultType]::ParameterValue, 'Evaluate Lua interactively inside a process (spawned if the name is new); `ao` alone is `ao repl`')
            [CompletionResult]::new('result', 'result', [CompletionResultType]::ParameterValue, 'Print the stored result of a message')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute a process from its log and compare with every stored (or remote) result')
            [CompletionResult]::new('fork', 'fork', [CompletionResultType]::ParameterValue, 'Bring a process of a remote network into the embedded node, to go on locally (--network)')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'List the messages in a process''s Inbox')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the processes of the embedded node (on a remote network: the wallet''s)')
            [CompletionResult]::new('tail', 'tail', [CompletionResultType]::ParameterValue, 'Print what a process''s messages print and send, from any sender; -f follows')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Start a project from a template: manifest, sources, tests, CI workflow (--list shows them)')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Run the project''s Lua tests against fresh local processes built from its ao.toml')
            [CompletionResult]::new('deploy', 'deploy', [CompletionResultType]::ParameterValue, 'Spawn and load the project''s processes on the embedded node or a network (ao.lock records them)')
            [CompletionResult]::new('wallet', 'wallet', [CompletionResultType]::ParameterValue, 'Create a wallet or show its address')
            [CompletionResult]::new('item', 'item', [CompletionResultType]::ParameterValue, 'Sign, inspect and verify ANS-104 data items')
            [CompletionResult]::new('module', 'module', [CompletionResultType]::ParameterValue, 'Register and list the wasm modules processes can run (`ao spawn --module ID`)')
            [CompletionResult]::new('drive', 'drive', [CompletionResultType]::ParameterValue, 'The local WeaveDrive store: data items, attestations and blocks processes read')
            [CompletionResult]::new('network', 'network', [CompletionResultType]::ParameterValue, 'Show the network commands use and whether it answers; name networks (list, add, remove)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the embedded node as an AO devnet on HTTP (MU, SU, CU and gateway APIs) until Ctrl-C')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the versions of ao, its process module and its wasm engine')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ao;help;spawn' {
            break
        }
        'ao;help;send' {
            break
        }
        'ao;help;eval' {
            break
        }
        'ao;help;dryrun' {
            break
        }
        'ao;help;repl' {
            break
        }
        'ao;help;result' {
            break
        }
        'ao;help;verify' {
            break
        }
        'ao;help;fork' {
            break
        }
        'ao;help;inbox' {
            break
        }
        'ao;help;list' {
            break
        }
        'ao;help;tail' {
            break
        }
        'ao;help;init' {
            break
        }
        'ao;help;test' {
            break
        }
        'ao;help;deploy' {
            break
        }
        'ao;help;wallet' {
            [CompletionResult]::new('new', 'new', [CompletionResultType]::ParameterValue, 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)')
            [CompletionResult]::new('address', 'address', [CompletionResultType]::ParameterValue, 'Print the wallet''s 43-character address')
            break
        }
        'ao;help;wallet;new' {
            break
        }
        'ao;help;wallet;address' {
            break
        }
        'ao;help;item' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Sign a data item with the wallet and write it to a file')
            [CompletionResult]::new('inspect', 'inspect', [CompletionResultType]::ParameterValue, 'Print a data item as JSON (fields, and whether it is valid)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Exit 0 if a data item is valid, 1 (with the reason) if not')
            break
        }
        'ao;help;item;sign' {
            break
        }
        'ao;help;item;inspect' {
            break
        }
        'ao;help;item;verify' {
            break
        }
        'ao;help;module' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered modules')
            break
        }
        'ao;help;module;add' {
            break
        }
        'ao;help;module;list' {
            break
        }
        'ao;help;drive' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Store a file''s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor')
            [CompletionResult]::new('block', 'block', [CompletionResultType]::ParameterValue, 'Store a block (a gateway''s /block/height/H JSON) for /block/H')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the stored items, their statements, and the stored blocks')
            break
        }
        'ao;help;drive;add' {
            break
        }
        'ao;help;drive;import' {
            break
        }
        'ao;help;drive;attest' {
            break
        }
        'ao;help;drive;block' {
            break
        }
        'ao;help;drive;list' {
            break
        }
        'ao;help;network' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The named networks: built in (local, mainnet, legacy) and the networks file''s')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Name a network: a node''s URL, or the legacy units given with --mu-url, --cu-url, --su-url')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Forget a named network of the networks file')
            break
        }
        'ao;help;network;list' {
            break
        }
        'ao;help;network;add' {
            break
        }
        'ao;help;network;remove' {
            break
        }
        'ao;help;serve' {
            break
        }
        'ao;help;version' {
            break
        }
        'ao;help;completions' {
            break
        }
        'ao;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
