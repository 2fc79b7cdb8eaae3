# kb completion: scripts for bash, zsh and fish, built from the command table; names of the
# KB's people, organizations and topics complete too.
$ bash -c 'source <(kb completion bash); complete -p kb'
> complete -F _kb kb

# Commands, flags, and the values of a flag.
$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb qu); COMP_CWORD=1; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> query

$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb export ""); COMP_CWORD=2; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> ics
> sqlite
> neo4j

$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb query --ex); COMP_CWORD=2; _kb; printf "%s\n" "${COMPREPLY[@]}"' | sort
> --exact-org
> --explain

# Names: organizations after --org (from the --kb on the line), people after --person.
$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb --kb "$RECORDS" query --org UNESCO-I); COMP_CWORD=5; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> UNESCO-ICHEI
> UNESCO-IESALC

$ KB_DIR="$RECORDS" bash -c 'source <(kb completion bash); COMP_WORDS=(kb query --person fr); COMP_CWORD=3; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> Francesc\ Pedro
> Francesc\ Pedró

$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb --kb "$FIXTURES/vault" show "ai"); COMP_CWORD=4; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> AI\ Competency\ Framework

$ kb --kb "$RECORDS" completion --names topics | head -n 3
> AI Competency Framework for Higher Education
> AI competency framework
> AI competency framework in higher education

$ kb completion --names meetings
2> kb: error: unknown kind of name 'meetings' (choose people, orgs, topics, events or all)
? 2

# After an on/off flag (global or the command's), options still complete: a flag takes no value.
$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb query --explain --or); COMP_CWORD=3; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> --org

$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb -q --no-cache actions d); COMP_CWORD=4; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> done
> due

$ kb completion fish | grep -E -- "-l (explain|org) "
> complete -c kb -n '__fish_seen_subcommand_from add' -l org -x -a '(__kb_names orgs)' -d 'An organization met (name or alias); repeat for more'
> complete -c kb -n '__fish_seen_subcommand_from query' -l org -x -a '(__kb_names orgs)' -d 'An organization (name or alias); also its sub-organizations and peo...'
> complete -c kb -n '__fish_seen_subcommand_from query' -l explain -d 'Say why each meeting matched'
> complete -c kb -n '__fish_seen_subcommand_from search' -l org -x -a '(__kb_names orgs)' -d 'Only meetings with this organization'
> complete -c kb -n '__fish_seen_subcommand_from list' -l org -x -a '(__kb_names orgs)' -d 'Only those tied to this organization (or its sub-organizations)'
> complete -c kb -n '__fish_seen_subcommand_from actions' -l org -x -a '(__kb_names orgs)' -d 'From meetings of this organization (with its sub-organizations and ...'
> complete -c kb -n '__fish_seen_subcommand_from decisions' -l org -x -a '(__kb_names orgs)' -d 'From meetings of this organization (with its sub-organizations and ...'
> complete -c kb -n '__fish_seen_subcommand_from stale' -l org -x -a '(__kb_names orgs)' -d 'Only this organization, its sub-organizations and their people'
> complete -c kb -n '__fish_seen_subcommand_from graph' -l org -x -a '(__kb_names orgs)' -d 'An organization (name or alias); also its sub-organizations and peo...'

# zsh and fish scripts: their shells are not needed to check what they register.
$ kb completion zsh | grep -E '^(#compdef|  compdef)'
> #compdef kb
>   compdef _kb kb

$ kb completion fish | grep -E -- '-n .__fish_seen_subcommand_from query. -l (org|person) '
> complete -c kb -n '__fish_seen_subcommand_from query' -l org -x -a '(__kb_names orgs)' -d 'An organization (name or alias); also its sub-organizations and peo...'
> complete -c kb -n '__fish_seen_subcommand_from query' -l person -x -a '(__kb_names people)' -d 'A person who attended'

$ kb completion tcsh
2> kb: error: shell: tcsh not in {bash,zsh,fish}; see 'kb completion --help'
? 2

# `kb report brief NAME` completes names; `kb actions done` takes an id, not a name.
$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb --kb "$RECORDS" report brief "Sobhi"); COMP_CWORD=5; _kb; printf "%s\n" "${COMPREPLY[@]}"'
> Sobhi\ Tawil

$ bash -c 'source <(kb completion bash); COMP_WORDS=(kb --kb "$RECORDS" actions done "Sobhi"); COMP_CWORD=5; _kb; printf "%s\n" "${COMPREPLY[@]}"'
