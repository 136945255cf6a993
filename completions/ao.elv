
use builtin;
use str;

set edit:completion:arg-completer[ao] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ao'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ao'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand spawn 'Start a process on the embedded node; prints its id'
            cand send 'Send a signed message to a process; prints its id and result'
            cand eval 'Evaluate Lua inside a process; prints its output'
            cand dryrun 'Evaluate a message without keeping it; prints the result, the process is untouched'
            cand repl 'Evaluate Lua interactively inside a process (spawned if the name is new); `ao` alone is `ao repl`'
            cand result 'Print the stored result of a message'
            cand verify 'Recompute a process from its log and compare with every stored (or remote) result'
            cand fork 'Bring a process of a remote network into the embedded node, to go on locally (--network)'
            cand inbox 'List the messages in a process''s Inbox'
            cand list 'List the processes of the embedded node (on a remote network: the wallet''s)'
            cand tail 'Print what a process''s messages print and send, from any sender; -f follows'
            cand init 'Start a project from a template: manifest, sources, tests, CI workflow (--list shows them)'
            cand test 'Run the project''s Lua tests against fresh local processes built from its ao.toml'
            cand deploy 'Spawn and load the project''s processes on the embedded node or a network (ao.lock records them)'
            cand wallet 'Create a wallet or show its address'
            cand item 'Sign, inspect and verify ANS-104 data items'
            cand module 'Register and list the wasm modules processes can run (`ao spawn --module ID`)'
            cand drive 'The local WeaveDrive store: data items, attestations and blocks processes read'
            cand network 'Show the network commands use and whether it answers; name networks (list, add, remove)'
            cand serve 'Serve the embedded node as an AO devnet on HTTP (MU, SU, CU and gateway APIs) until Ctrl-C'
            cand version 'Print the versions of ao, its process module and its wasm engine'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;spawn'= {
            cand -m 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)'
            cand --module 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)'
            cand --cron 'Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes, 1-hour, 2-blocks), as `aos --cron` does'
            cand -t 'A tag, NAME=VALUE (repeatable)'
            cand --tag 'A tag, NAME=VALUE (repeatable)'
            cand -d 'The data: TEXT, or @FILE'
            cand --data 'The data: TEXT, or @FILE'
            cand --tag-name 'A tag''s name, given with a --tag-value after it, as aos takes tags (repeatable, in pairs)'
            cand --tag-value 'The value of the --tag-name before it'
            cand --load 'Evaluate FILE in the process (with the local files it requires), as `.load` does (repeatable)'
            cand --run 'Evaluate CODE in the process (after --load), print what it gives, and exit'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;send'= {
            cand -a 'The message''s `Action` tag'
            cand --action 'The message''s `Action` tag'
            cand -t 'A tag, NAME=VALUE (repeatable)'
            cand --tag 'A tag, NAME=VALUE (repeatable)'
            cand -d 'The data: TEXT, or @FILE'
            cand --data 'The data: TEXT, or @FILE'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;eval'= {
            cand -f 'Evaluate the Lua in FILE, with the local files it `require`s'
            cand --file 'Evaluate the Lua in FILE, with the local files it `require`s'
            cand --blueprint 'Load a blueprint (token, chatroom, voting, staking, arena, chat, htoken, patch-legacy-reply, apm, arns, cred-utils)'
            cand --slot 'Evaluate as a dry run on the process as it was right after slot N''s message (nothing is sent or kept)'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;dryrun'= {
            cand -a 'The message''s `Action` tag'
            cand --action 'The message''s `Action` tag'
            cand -t 'A tag, NAME=VALUE (repeatable)'
            cand --tag 'A tag, NAME=VALUE (repeatable)'
            cand -d 'The data: TEXT, or @FILE'
            cand --data 'The data: TEXT, or @FILE'
            cand --slot 'Evaluate on the process as it was right after slot N''s message (recomputed from its log)'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;repl'= {
            cand -m 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)'
            cand --module 'The module to run: `aos` (ao''s own; on a remote network the one aos uses there), a module id, or a module''s Name (registered with `ao module add`, or on the network''s gateway)'
            cand --cron 'Send the process an `Action=Cron` message every INTERVAL (e.g. 10-seconds, 5-minutes, 1-hour, 2-blocks), as `aos --cron` does'
            cand -t 'A tag, NAME=VALUE (repeatable)'
            cand --tag 'A tag, NAME=VALUE (repeatable)'
            cand -d 'The data: TEXT, or @FILE'
            cand --data 'The data: TEXT, or @FILE'
            cand --tag-name 'A tag''s name, given with a --tag-value after it, as aos takes tags (repeatable, in pairs)'
            cand --tag-value 'The value of the --tag-name before it'
            cand --load 'Evaluate FILE in the process (with the local files it requires), as `.load` does (repeatable)'
            cand --run 'Evaluate CODE in the process (after --load), print what it gives, and exit'
            cand --watch 'Follow what PROCESS''s messages print instead (as `ao tail -f`), as `aos --watch`'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --list 'List the wallet''s processes and exit (as `ao list`), as `aos --list`'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;result'= {
            cand -p 'The process it was scheduled for (id or name) [default: where it was first scheduled; needed on a remote network]'
            cand --process 'The process it was scheduled for (id or name) [default: where it was first scheduled; needed on a remote network]'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;verify'= {
            cand --to 'Stop after slot SLOT [default: the newest]'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;fork'= {
            cand --name 'The local name for the copy (the wallet''s handle on it, as `ao spawn NAME` gives)'
            cand --at 'Fork it as it was right after slot SLOT [default: its newest]'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --from-state 'Take its memory from the network''s compute unit (`/state`) instead of recomputing its schedule (when that is impossible here: WeaveDrive data, a schedule not served whole)'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;inbox'= {
            cand -n 'Show only the newest N messages'
            cand --last 'Show only the newest N messages'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;list'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;tail'= {
            cand -n 'Start with the newest N messages'
            cand --lines 'Start with the newest N messages'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand -f 'Keep printing new messages as they are evaluated (Ctrl-C stops)'
            cand --follow 'Keep printing new messages as they are evaluated (Ctrl-C stops)'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;init'= {
            cand -t 'The template to start from (`--list` shows them)'
            cand --template 'The template to start from (`--list` shows them)'
            cand --name 'The project''s name (in process names and its README) [default: the folder''s name]'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --list 'List the templates and exit'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;test'= {
            cand -C 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]'
            cand --project 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]'
            cand --junit 'Also write a JUnit XML report to FILE (for CI test views)'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --tap 'Print TAP (version 13) instead of text'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;deploy'= {
            cand -C 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]'
            cand --project 'The project''s folder [default: the current folder, or the nearest above with an ao.toml]'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --plan 'Print what the deploy would do, and do nothing'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;wallet'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand new 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)'
            cand address 'Print the wallet''s 43-character address'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;wallet;new'= {
            cand --out 'Where to write it [default: the --wallet file, or ~/.aos.json]'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --force 'Replace an existing file (the key in it is lost)'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;wallet;address'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;wallet;help'= {
            cand new 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)'
            cand address 'Print the wallet''s 43-character address'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;wallet;help;new'= {
        }
        &'ao;wallet;help;address'= {
        }
        &'ao;wallet;help;help'= {
        }
        &'ao;item'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sign 'Sign a data item with the wallet and write it to a file'
            cand inspect 'Print a data item as JSON (fields, and whether it is valid)'
            cand verify 'Exit 0 if a data item is valid, 1 (with the reason) if not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;item;sign'= {
            cand --target 'Target (a process id), 43 base64url characters'
            cand --anchor 'Anchor: 32 characters (as aoconnect writes them) or 32 bytes in base64url'
            cand -t 'A tag; repeat for more, in order'
            cand --tag 'A tag; repeat for more, in order'
            cand -d 'Data: the text itself, or @FILE for a file''s bytes'
            cand --data 'Data: the text itself, or @FILE for a file''s bytes'
            cand --out 'Where to write the signed item'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;item;inspect'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;item;verify'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;item;help'= {
            cand sign 'Sign a data item with the wallet and write it to a file'
            cand inspect 'Print a data item as JSON (fields, and whether it is valid)'
            cand verify 'Exit 0 if a data item is valid, 1 (with the reason) if not'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;item;help;sign'= {
        }
        &'ao;item;help;inspect'= {
        }
        &'ao;item;help;verify'= {
        }
        &'ao;item;help;help'= {
        }
        &'ao;module'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`'
            cand list 'List the registered modules'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;module;add'= {
            cand -f 'Its Module-Format, e.g. wasm64-unknown-emscripten-draft_2024_02_15, wasm32-unknown-emscripten4'
            cand --format 'Its Module-Format, e.g. wasm64-unknown-emscripten-draft_2024_02_15, wasm32-unknown-emscripten4'
            cand -t 'A tag, NAME=VALUE (repeatable): Name, Memory-Limit, Compute-Limit, AOS-Version, ...'
            cand --tag 'A tag, NAME=VALUE (repeatable): Name, Memory-Limit, Compute-Limit, AOS-Version, ...'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;module;list'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;module;help'= {
            cand add 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`'
            cand list 'List the registered modules'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;module;help;add'= {
        }
        &'ao;module;help;list'= {
        }
        &'ao;module;help;help'= {
        }
        &'ao;drive'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Store a file''s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id'
            cand import 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway'
            cand attest 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor'
            cand block 'Store a block (a gateway''s /block/height/H JSON) for /block/H'
            cand list 'List the stored items, their statements, and the stored blocks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;drive;add'= {
            cand -t 'A tag, NAME=VALUE (repeatable), e.g. Content-Type=text/plain'
            cand --tag 'A tag, NAME=VALUE (repeatable), e.g. Content-Type=text/plain'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --no-attest 'Do not have the local scheduler attest it (processes cannot read it until someone does)'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;drive;import'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --no-attest 'Do not have the local scheduler attest it'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;drive;attest'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --available 'State that it is available (Data-Protocol=WeaveDrive, Type=Available), which counts for processes with Availability-Type=Individual'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;drive;block'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;drive;list'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;drive;help'= {
            cand add 'Store a file''s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id'
            cand import 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway'
            cand attest 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor'
            cand block 'Store a block (a gateway''s /block/height/H JSON) for /block/H'
            cand list 'List the stored items, their statements, and the stored blocks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;drive;help;add'= {
        }
        &'ao;drive;help;import'= {
        }
        &'ao;drive;help;attest'= {
        }
        &'ao;drive;help;block'= {
        }
        &'ao;drive;help;list'= {
        }
        &'ao;drive;help;help'= {
        }
        &'ao;network'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'The named networks: built in (local, mainnet, legacy) and the networks file''s'
            cand add 'Name a network: a node''s URL, or the legacy units given with --mu-url, --cu-url, --su-url'
            cand remove 'Forget a named network of the networks file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;network;list'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;network;add'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;network;remove'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;network;help'= {
            cand list 'The named networks: built in (local, mainnet, legacy) and the networks file''s'
            cand add 'Name a network: a node''s URL, or the legacy units given with --mu-url, --cu-url, --su-url'
            cand remove 'Forget a named network of the networks file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;network;help;list'= {
        }
        &'ao;network;help;add'= {
        }
        &'ao;network;help;remove'= {
        }
        &'ao;network;help;help'= {
        }
        &'ao;serve'= {
            cand -p 'Port to listen on (0: any free port; the one taken is printed)'
            cand --port 'Port to listen on (0: any free port; the one taken is printed)'
            cand --bind 'Address to listen on; anything but loopback lets other machines use this node'
            cand --scheduler-url 'Have the scheduler unit at URL (another `ao serve --scheduler-only`, a legacy SU) order this devnet''s messages; this one evaluates and delivers them'
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --scheduler-only 'Serve only the scheduler unit (`/su`): messages get their slots, nothing is evaluated or delivered (for devnets that compute with `--scheduler-url`)'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;version'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;completions'= {
            cand --wallet 'Wallet (Arweave JWK) to sign with [default: ~/.aos.json, created if missing]'
            cand --home 'Where the embedded node keeps its state [default: the platform''s data directory]'
            cand --color 'Colour: auto (on a terminal, unless NO_COLOR is set), always, never'
            cand --network 'A remote network to work on instead of the embedded node: a HyperBEAM-style node''s or an `ao serve`''s URL, or a name (local, mainnet, legacy, or one `ao network add` kept)'
            cand --mu-url 'The legacy units to work on instead (all three): the messenger unit''s URL'
            cand --cu-url 'The legacy compute unit''s URL (with --mu-url)'
            cand --su-url 'The legacy scheduler unit''s URL (with --mu-url)'
            cand --gateway-url 'The gateway that finds processes by name on the legacy units (GraphQL at URL/graphql)'
            cand --timeout 'Abandon an evaluation that takes longer (500ms, 10s, 2m, 1h); nothing of it is kept, exit 1 (`ao serve`: each request''s evaluation, answered 503; `ao test`: each test [default: 60s]). On a remote network: how long to wait for each answer of its units [default: 2m]'
            cand --json 'Print one JSON document instead of text'
            cand -q 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand --quiet 'Print only the essentials: no notices, no progress, no list of sent messages'
            cand -v 'Also print details: slots, message ids, timings (on stderr)'
            cand --verbose 'Also print details: slots, message ids, timings (on stderr)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ao;help'= {
            cand spawn 'Start a process on the embedded node; prints its id'
            cand send 'Send a signed message to a process; prints its id and result'
            cand eval 'Evaluate Lua inside a process; prints its output'
            cand dryrun 'Evaluate a message without keeping it; prints the result, the process is untouched'
            cand repl 'Evaluate Lua interactively inside a process (spawned if the name is new); `ao` alone is `ao repl`'
            cand result 'Print the stored result of a message'
            cand verify 'Recompute a process from its log and compare with every stored (or remote) result'
            cand fork 'Bring a process of a remote network into the embedded node, to go on locally (--network)'
            cand inbox 'List the messages in a process''s Inbox'
            cand list 'List the processes of the embedded node (on a remote network: the wallet''s)'
            cand tail 'Print what a process''s messages print and send, from any sender; -f follows'
            cand init 'Start a project from a template: manifest, sources, tests, CI workflow (--list shows them)'
            cand test 'Run the project''s Lua tests against fresh local processes built from its ao.toml'
            cand deploy 'Spawn and load the project''s processes on the embedded node or a network (ao.lock records them)'
            cand wallet 'Create a wallet or show its address'
            cand item 'Sign, inspect and verify ANS-104 data items'
            cand module 'Register and list the wasm modules processes can run (`ao spawn --module ID`)'
            cand drive 'The local WeaveDrive store: data items, attestations and blocks processes read'
            cand network 'Show the network commands use and whether it answers; name networks (list, add, remove)'
            cand serve 'Serve the embedded node as an AO devnet on HTTP (MU, SU, CU and gateway APIs) until Ctrl-C'
            cand version 'Print the versions of ao, its process module and its wasm engine'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ao;help;spawn'= {
        }
        &'ao;help;send'= {
        }
        &'ao;help;eval'= {
        }
        &'ao;help;dryrun'= {
        }
        &'ao;help;repl'= {
        }
        &'ao;help;result'= {
        }
        &'ao;help;verify'= {
        }
        &'ao;help;fork'= {
        }
        &'ao;help;inbox'= {
        }
        &'ao;help;list'= {
        }
        &'ao;help;tail'= {
        }
        &'ao;help;init'= {
        }
        &'ao;help;test'= {
        }
        &'ao;help;deploy'= {
        }
        &'ao;help;wallet'= {
            cand new 'Generate a new Arweave wallet (RSA-4096 JWK, file mode 0600)'
            cand address 'Print the wallet''s 43-character address'
        }
        &'ao;help;wallet;new'= {
        }
        &'ao;help;wallet;address'= {
        }
        &'ao;help;item'= {
            cand sign 'Sign a data item with the wallet and write it to a file'
            cand inspect 'Print a data item as JSON (fields, and whether it is valid)'
            cand verify 'Exit 0 if a data item is valid, 1 (with the reason) if not'
        }
        &'ao;help;item;sign'= {
        }
        &'ao;help;item;inspect'= {
        }
        &'ao;help;item;verify'= {
        }
        &'ao;help;module'= {
            cand add 'Register a wasm module (signed as a Module data item); prints its id, for `ao spawn --module`'
            cand list 'List the registered modules'
        }
        &'ao;help;module;add'= {
        }
        &'ao;help;module;list'= {
        }
        &'ao;help;drive'= {
            cand add 'Store a file''s bytes as a new data item signed by the wallet, attested by the local scheduler (readable by messages scheduled after it, in processes with Extension=WeaveDrive); prints its id'
            cand import 'Store an existing signed data item (binary ANS-104), e.g. one fetched from a gateway'
            cand attest 'Sign, with the wallet, a statement about a stored item: an Attestation (or with --available, a WeaveDrive Available statement), for processes that name the wallet as an Attestor'
            cand block 'Store a block (a gateway''s /block/height/H JSON) for /block/H'
            cand list 'List the stored items, their statements, and the stored blocks'
        }
        &'ao;help;drive;add'= {
        }
        &'ao;help;drive;import'= {
        }
        &'ao;help;drive;attest'= {
        }
        &'ao;help;drive;block'= {
        }
        &'ao;help;drive;list'= {
        }
        &'ao;help;network'= {
            cand list 'The named networks: built in (local, mainnet, legacy) and the networks file''s'
            cand add 'Name a network: a node''s URL, or the legacy units given with --mu-url, --cu-url, --su-url'
            cand remove 'Forget a named network of the networks file'
        }
        &'ao;help;network;list'= {
        }
        &'ao;help;network;add'= {
        }
        &'ao;help;network;remove'= {
        }
        &'ao;help;serve'= {
        }
        &'ao;help;version'= {
        }
        &'ao;help;completions'= {
        }
        &'ao;help;help'= {
        }
    ]
    $completions[$command]
}
