# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ao_global_optspecs
    string join \n wallet= json home= q/quiet v/verbose color= network= mu-url= cu-url= su-url= gateway-url= timeout= h/help V/version
end

function __fish_ao_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ao_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ao_using_subcommand
    set -l cmd (__fish_ao_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ao -n "__fish_ao_needs_command" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_needs_command" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_needs_command" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_needs_command" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_needs_command" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_needs_command" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_needs_command" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_needs_command" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_needs_command" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_needs_command" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_needs_command" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_needs_command" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_needs_command" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_needs_command" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_needs_command" -f -a "spawn" -d 'Start a process on the embedded node; prints its id'
complete -c ao -n "__fish_ao_needs_command" -f -a "send" -d 'Send a signed message to a process; prints its id and result'
complete -c ao -n "__fish_ao_needs_command" -f -a "eval" -d 'Evaluate Lua inside a process; prints its output'
complete -c ao -n "__fish_ao_needs_command" -f -a "dryrun" -d 'Evaluate a message without keeping it; prints the result, the process is untouched'
complete -c ao -n "__fish_ao_needs_command" -f -a "repl" -d 'Evaluate Lua interactively inside a process (spawned if the name is new); `ao` alone is `ao repl`'
complete -c ao -n "__fish_ao_needs_command" -f -a "result" -d 'Print the stored result of a message'
complete -c ao -n "__fish_ao_needs_command" -f -a "verify" -d 'Recompute a process from its log and compare with every stored (or remote) result'
complete -c ao -n "__fish_ao_needs_command" -f -a "fork" -d 'Bring a process of a remote network into the embedded node, to go on locally (--network)'
complete -c ao -n "__fish_ao_needs_command" -f -a "inbox" -d 'List the messages in a process\'s Inbox'
complete -c ao -n "__fish_ao_needs_command" -f -a "list" -d 'List the processes of the embedded node (on a remote network: the wallet\'s)'
complete -c ao -n "__fish_ao_needs_command" -f -a "tail" -d 'Print what a process\'s messages print and send, from any sender; -f follows'
complete -c ao -n "__fish_ao_needs_command" -f -a "init" -d 'Start a project from a template: manifest, sources, tests, CI workflow (--list shows them)'
complete -c ao -n "__fish_ao_needs_command" -f -a "test" -d 'Run the project\'s Lua tests against fresh local processes built from its ao.toml'
complete -c ao -n "__fish_ao_needs_command" -f -a "deploy" -d 'Spawn and load the project\'s processes on the embedded node or a network (ao.lock records them)'
complete -c ao -n "__fish_ao_needs_command" -f -a "wallet" -d 'Create a wallet or show its address'
complete -c ao -n "__fish_ao_needs_command" -f -a "item" -d 'Sign, inspect and verify ANS-104 data items'
complete -c ao -n "__fish_ao_needs_command" -f -a "module" -d 'Register and list the wasm modules processes can run (`ao spawn --module ID`)'
complete -c ao -n "__fish_ao_needs_command" -f -a "drive" -d 'The local WeaveDrive store: data items, attestations and blocks processes read'
complete -c ao -n "__fish_ao_needs_command" -f -a "network" -d 'Show the network commands use and whether it answers; name networks (list, add, remove)'
complete -c ao -n "__fish_ao_needs_command" -f -a "serve" -d 'Serve the embedded node as an AO devnet on HTTP (MU, SU, CU and gateway APIs) until Ctrl-C'
complete -c ao -n "__fish_ao_needs_command" -f -a "version" -d 'Print the versions of ao, its process module and its wasm engine'
complete -c ao -n "__fish_ao_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c ao -n "__fish_ao_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand spawn" -s m -l module -d 'The module to run: `aos` (ao\'s own; on a remote network the one aos uses there), a module id, or a module\'s Name (registered with `ao module add`, or on the network\'s gateway)' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l cron -d 'Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes, 1-hour, 2-blocks), as `aos --cron` does' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -s t -l tag -d 'A tag, NAME=VALUE (repeatable)' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -s d -l data -d 'The data: TEXT, or @FILE' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l tag-name -d 'A tag\'s name, given with a --tag-value after it, as aos takes tags (repeatable, in pairs)' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l tag-value -d 'The value of the --tag-name before it' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l load -d 'Evaluate FILE in the process (with the local files it requires), as `.load` does (repeatable)' -r -F
complete -c ao -n "__fish_ao_using_subcommand spawn" -l run -d 'Evaluate CODE in the process (after --load), print what it gives, and exit' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand spawn" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand spawn" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand spawn" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand spawn" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand spawn" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand spawn" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand spawn" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand spawn" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand send" -s a -l action -d 'The message\'s `Action` tag' -r
complete -c ao -n "__fish_ao_using_subcommand send" -s t -l tag -d 'A tag, NAME=VALUE (repeatable)' -r
complete -c ao -n "__fish_ao_using_subcommand send" -s d -l data -d 'The data: TEXT, or @FILE' -r
complete -c ao -n "__fish_ao_using_subcommand send" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand send" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand send" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand send" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand send" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand send" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand send" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand send" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand send" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand send" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand send" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand send" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand send" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand send" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand eval" -s f -l file -d 'Evaluate the Lua in FILE, with the local files it `require`s' -r -F
complete -c ao -n "__fish_ao_using_subcommand eval" -l blueprint -d 'Load a blueprint (token, chatroom, voting, staking, arena, chat, htoken, patch-legacy-reply, apm, arns, cred-utils)' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l slot -d 'Evaluate as a dry run on the process as it was right after slot N\'s message (nothing is sent or kept)' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand eval" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand eval" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand eval" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand eval" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand eval" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand eval" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand eval" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand eval" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand dryrun" -s a -l action -d 'The message\'s `Action` tag' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -s t -l tag -d 'A tag, NAME=VALUE (repeatable)' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -s d -l data -d 'The data: TEXT, or @FILE' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l slot -d 'Evaluate on the process as it was right after slot N\'s message (recomputed from its log)' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand dryrun" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand dryrun" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand dryrun" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand dryrun" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand dryrun" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand repl" -s m -l module -d 'The module to run: `aos` (ao\'s own; on a remote network the one aos uses there), a module id, or a module\'s Name (registered with `ao module add`, or on the network\'s gateway)' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l cron -d 'Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes, 1-hour, 2-blocks), as `aos --cron` does' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -s t -l tag -d 'A tag, NAME=VALUE (repeatable)' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -s d -l data -d 'The data: TEXT, or @FILE' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l tag-name -d 'A tag\'s name, given with a --tag-value after it, as aos takes tags (repeatable, in pairs)' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l tag-value -d 'The value of the --tag-name before it' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l load -d 'Evaluate FILE in the process (with the local files it requires), as `.load` does (repeatable)' -r -F
complete -c ao -n "__fish_ao_using_subcommand repl" -l run -d 'Evaluate CODE in the process (after --load), print what it gives, and exit' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l watch -d 'Follow what PROCESS\'s messages print instead (as `ao tail -f`), as `aos --watch`' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand repl" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand repl" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand repl" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand repl" -l list -d 'List the wallet\'s processes and exit (as `ao list`), as `aos --list`'
complete -c ao -n "__fish_ao_using_subcommand repl" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand repl" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand repl" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand repl" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand repl" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand result" -s p -l process -d 'The process it was scheduled for (id or name) [default: where it was first scheduled; needed on a remote network]' -r
complete -c ao -n "__fish_ao_using_subcommand result" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand result" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand result" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand result" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand result" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand result" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand result" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand result" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand result" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand result" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand result" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand result" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand result" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand result" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand verify" -l to -d 'Stop after slot SLOT [default: the newest]' -r
complete -c ao -n "__fish_ao_using_subcommand verify" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand verify" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand verify" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand verify" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand verify" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand verify" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand verify" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand verify" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand verify" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand verify" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand verify" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand verify" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand verify" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand verify" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand fork" -l name -d 'The local name for the copy (the wallet\'s handle on it, as `ao spawn NAME` gives)' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l at -d 'Fork it as it was right after slot SLOT [default: its newest]' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand fork" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand fork" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand fork" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand fork" -l from-state -d 'Take its memory from the network\'s compute unit (`/state`) instead of recomputing its schedule (when that is impossible here: WeaveDrive data, a schedule not served whole)'
complete -c ao -n "__fish_ao_using_subcommand fork" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand fork" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand fork" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand fork" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand fork" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand inbox" -s n -l last -d 'Show only the newest N messages' -r
complete -c ao -n "__fish_ao_using_subcommand inbox" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand inbox" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand inbox" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand inbox" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand inbox" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand inbox" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand inbox" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand inbox" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand inbox" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand inbox" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand inbox" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand inbox" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand inbox" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand inbox" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand list" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand list" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand list" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand list" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand list" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand list" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand list" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand list" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand list" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand list" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand list" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand list" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand list" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand list" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand tail" -s n -l lines -d 'Start with the newest N messages' -r
complete -c ao -n "__fish_ao_using_subcommand tail" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand tail" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand tail" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand tail" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand tail" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand tail" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand tail" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand tail" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand tail" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand tail" -s f -l follow -d 'Keep printing new messages as they are evaluated (Ctrl-C stops)'
complete -c ao -n "__fish_ao_using_subcommand tail" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand tail" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand tail" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand tail" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand tail" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand init" -s t -l template -d 'The template to start from (`--list` shows them)' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l name -d 'The project\'s name (in process names and its README) [default: the folder\'s name]' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand init" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand init" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand init" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand init" -l list -d 'List the templates and exit'
complete -c ao -n "__fish_ao_using_subcommand init" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand init" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand init" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand init" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand init" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand test" -s C -l project -d 'The project\'s folder [default: the current folder, or the nearest above with an ao.toml]' -r -F
complete -c ao -n "__fish_ao_using_subcommand test" -l junit -d 'Also write a JUnit XML report to FILE (for CI test views)' -r -F
complete -c ao -n "__fish_ao_using_subcommand test" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand test" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand test" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand test" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand test" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand test" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand test" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand test" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand test" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand test" -l tap -d 'Print TAP (version 13) instead of text'
complete -c ao -n "__fish_ao_using_subcommand test" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand test" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand test" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand test" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand test" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand deploy" -s C -l project -d 'The project\'s folder [default: the current folder, or the nearest above with an ao.toml]' -r -F
complete -c ao -n "__fish_ao_using_subcommand deploy" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand deploy" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand deploy" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand deploy" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand deploy" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand deploy" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand deploy" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand deploy" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand deploy" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand deploy" -l plan -d 'Print what the deploy would do, and do nothing'
complete -c ao -n "__fish_ao_using_subcommand deploy" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand deploy" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand deploy" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand deploy" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand deploy" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -f -a "new" -d 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -f -a "address" -d 'Print the wallet\'s 43-character address'
complete -c ao -n "__fish_ao_using_subcommand wallet; and not __fish_seen_subcommand_from new address help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l out -d 'Where to write it [default: the --wallet file, or ~/.aos.json]' -r -F
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l force -d 'Replace an existing file (the key in it is lost)'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from new" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from address" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "new" -d 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "address" -d 'Print the wallet\'s 43-character address'
complete -c ao -n "__fish_ao_using_subcommand wallet; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -f -a "sign" -d 'Sign a data item with the wallet and write it to a file'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -f -a "inspect" -d 'Print a data item as JSON (fields, and whether it is valid)'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -f -a "verify" -d 'Exit 0 if a data item is valid, 1 (with the reason) if not'
complete -c ao -n "__fish_ao_using_subcommand item; and not __fish_seen_subcommand_from sign inspect verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l target -d 'Target (a process id), 43 base64url characters' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l anchor -d 'Anchor: 32 characters (as aoconnect writes them) or 32 bytes in base64url' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -s t -l tag -d 'A tag; repeat for more, in order' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -s d -l data -d 'Data: the text itself, or @FILE for a file\'s bytes' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l out -d 'Where to write the signed item' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from inspect" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Sign a data item with the wallet and write it to a file'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "inspect" -d 'Print a data item as JSON (fields, and whether it is valid)'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Exit 0 if a data item is valid, 1 (with the reason) if not'
complete -c ao -n "__fish_ao_using_subcommand item; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -f -a "add" -d 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -f -a "list" -d 'List the registered modules'
complete -c ao -n "__fish_ao_using_subcommand module; and not __fish_seen_subcommand_from add list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -s f -l format -d 'Its Module-Format, e.g. wasm64-unknown-emscripten-draft_2024_02_15, wasm32-unknown-emscripten4' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -s t -l tag -d 'A tag, NAME=VALUE (repeatable): Name, Memory-Limit, Compute-Limit, AOS-Version, ...' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from help" -f -a "add" -d 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the registered modules'
complete -c ao -n "__fish_ao_using_subcommand module; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -f -a "add" -d 'Store a file\'s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -f -a "import" -d 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -f -a "attest" -d 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -f -a "block" -d 'Store a block (a gateway\'s /block/height/H JSON) for /block/H'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -f -a "list" -d 'List the stored items, their statements, and the stored blocks'
complete -c ao -n "__fish_ao_using_subcommand drive; and not __fish_seen_subcommand_from add import attest block list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -s t -l tag -d 'A tag, NAME=VALUE (repeatable), e.g. Content-Type=text/plain' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l no-attest -d 'Do not have the local scheduler attest it (processes cannot read it until someone does)'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l no-attest -d 'Do not have the local scheduler attest it'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l available -d 'State that it is available (Data-Protocol=WeaveDrive, Type=Available), which counts for processes with Availability-Type=Individual'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from attest" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from block" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from help" -f -a "add" -d 'Store a file\'s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from help" -f -a "import" -d 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from help" -f -a "attest" -d 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from help" -f -a "block" -d 'Store a block (a gateway\'s /block/height/H JSON) for /block/H'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the stored items, their statements, and the stored blocks'
complete -c ao -n "__fish_ao_using_subcommand drive; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -f -a "list" -d 'The named networks: built in (local, mainnet, legacy) and the networks file\'s'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -f -a "add" -d 'Name a network: a node\'s URL, or the legacy units given with --mu-url, --cu-url, --su-url'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -f -a "remove" -d 'Forget a named network of the networks file'
complete -c ao -n "__fish_ao_using_subcommand network; and not __fish_seen_subcommand_from list add remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "list" -d 'The named networks: built in (local, mainnet, legacy) and the networks file\'s'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "add" -d 'Name a network: a node\'s URL, or the legacy units given with --mu-url, --cu-url, --su-url'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Forget a named network of the networks file'
complete -c ao -n "__fish_ao_using_subcommand network; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand serve" -s p -l port -d 'Port to listen on (0: any free port; the one taken is printed)' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l bind -d 'Address to listen on; anything but loopback lets other machines use this node' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l scheduler-url -d 'Have the scheduler unit at URL (another `ao serve --scheduler-only`, a legacy SU) order this devnet\'s messages; this one evaluates and delivers them' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand serve" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand serve" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand serve" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand serve" -l scheduler-only -d 'Serve only the scheduler unit (`/su`): messages get their slots, nothing is evaluated or delivered (for devnets that compute with `--scheduler-url`)'
complete -c ao -n "__fish_ao_using_subcommand serve" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand serve" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand serve" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand serve" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand serve" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand version" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand version" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand version" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand version" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand version" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand version" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand version" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand version" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand version" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand version" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand version" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand version" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand version" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand version" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand completions" -l wallet -d 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]' -r -F
complete -c ao -n "__fish_ao_using_subcommand completions" -l home -d 'Where the embedded node keeps its state [default: the platform\'s data directory]' -r -F
complete -c ao -n "__fish_ao_using_subcommand completions" -l color -d 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c ao -n "__fish_ao_using_subcommand completions" -l network -d 'A remote network to work on instead of the embedded node: a HyperBEAM-style node\'s or an `ao serve`\'s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)' -r
complete -c ao -n "__fish_ao_using_subcommand completions" -l mu-url -d 'The legacy units to work on instead (all three): the messenger unit\'s URL' -r
complete -c ao -n "__fish_ao_using_subcommand completions" -l cu-url -d 'The legacy compute unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand completions" -l su-url -d 'The legacy scheduler unit\'s URL (with --mu-url)' -r
complete -c ao -n "__fish_ao_using_subcommand completions" -l gateway-url -d 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)' -r
complete -c ao -n "__fish_ao_using_subcommand completions" -l timeout -d 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request\'s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]' -r
complete -c ao -n "__fish_ao_using_subcommand completions" -l json -d 'Print one JSON document instead of text'
complete -c ao -n "__fish_ao_using_subcommand completions" -s q -l quiet -d 'Print only the essentials: no notices, no progress, no list of sent messages'
complete -c ao -n "__fish_ao_using_subcommand completions" -s v -l verbose -d 'Also print details: slots, message ids, timings (on stderr)'
complete -c ao -n "__fish_ao_using_subcommand completions" -s h -l help -d 'Print help'
complete -c ao -n "__fish_ao_using_subcommand completions" -s V -l version -d 'Print version'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "spawn" -d 'Start a process on the embedded node; prints its id'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "send" -d 'Send a signed message to a process; prints its id and result'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "eval" -d 'Evaluate Lua inside a process; prints its output'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "dryrun" -d 'Evaluate a message without keeping it; prints the result, the process is untouched'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "repl" -d 'Evaluate Lua interactively inside a process (spawned if the name is new); `ao` alone is `ao repl`'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "result" -d 'Print the stored result of a message'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "verify" -d 'Recompute a process from its log and compare with every stored (or remote) result'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "fork" -d 'Bring a process of a remote network into the embedded node, to go on locally (--network)'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "inbox" -d 'List the messages in a process\'s Inbox'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "list" -d 'List the processes of the embedded node (on a remote network: the wallet\'s)'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "tail" -d 'Print what a process\'s messages print and send, from any sender; -f follows'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "init" -d 'Start a project from a template: manifest, sources, tests, CI workflow (--list shows them)'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "test" -d 'Run the project\'s Lua tests against fresh local processes built from its ao.toml'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "deploy" -d 'Spawn and load the project\'s processes on the embedded node or a network (ao.lock records them)'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "wallet" -d 'Create a wallet or show its address'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "item" -d 'Sign, inspect and verify ANS-104 data items'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "module" -d 'Register and list the wasm modules processes can run (`ao spawn --module ID`)'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "drive" -d 'The local WeaveDrive store: data items, attestations and blocks processes read'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "network" -d 'Show the network commands use and whether it answers; name networks (list, add, remove)'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "serve" -d 'Serve the embedded node as an AO devnet on HTTP (MU, SU, CU and gateway APIs) until Ctrl-C'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "version" -d 'Print the versions of ao, its process module and its wasm engine'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c ao -n "__fish_ao_using_subcommand help; and not __fish_seen_subcommand_from spawn send eval dryrun repl result verify fork inbox list tail init test deploy wallet item module drive network serve version completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "new" -d 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from wallet" -f -a "address" -d 'Print the wallet\'s 43-character address'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from item" -f -a "sign" -d 'Sign a data item with the wallet and write it to a file'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from item" -f -a "inspect" -d 'Print a data item as JSON (fields, and whether it is valid)'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from item" -f -a "verify" -d 'Exit 0 if a data item is valid, 1 (with the reason) if not'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from module" -f -a "add" -d 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from module" -f -a "list" -d 'List the registered modules'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from drive" -f -a "add" -d 'Store a file\'s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from drive" -f -a "import" -d 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from drive" -f -a "attest" -d 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from drive" -f -a "block" -d 'Store a block (a gateway\'s /block/height/H JSON) for /block/H'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from drive" -f -a "list" -d 'List the stored items, their statements, and the stored blocks'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "list" -d 'The named networks: built in (local, mainnet, legacy) and the networks file\'s'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "add" -d 'Name a network: a node\'s URL, or the legacy units given with --mu-url, --cu-url, --su-url'
complete -c ao -n "__fish_ao_using_subcommand help; and __fish_seen_subcommand_from network" -f -a "remove" -d 'Forget a named network of the networks file'
