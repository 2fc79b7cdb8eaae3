# Names in every script (issue 25): file names are ASCII slugs made by ICU's Any-Latin and
# Latin-ASCII transforms; names match without diacritics, also for letters such as ø, ł, đ, ß.
$ for n in "张伟" "Søren Østergaard" "Łukasz Wiśniewski" "Nguyễn Thị Minh Khai" "Jürgen Weiß"; do kb --kb "$FIXTURES/write" add person --name "$n"; done
> $WORK/fixtures/write/people/zhang-wei.md
> $WORK/fixtures/write/people/soren-ostergaard.md
> $WORK/fixtures/write/people/lukasz-wisniewski.md
> $WORK/fixtures/write/people/nguyen-thi-minh-khai.md
> $WORK/fixtures/write/people/jurgen-weiss.md

$ kb -q --kb "$FIXTURES/write" add person --name "Søren Østergaard" >/dev/null && kb --kb "$FIXTURES/write" add person --name "Soren Ostergaard"
2> kb: error: person 'Soren Ostergaard' exists already: people/soren-ostergaard.md ('Søren Østergaard'); use that record, or give --org for another person of that name, or --force to add a second one of that name
? 1

$ for n in "Søren Østergaard" "Łukasz Wiśniewski" "Jürgen Weiß"; do kb --kb "$FIXTURES/write" add person --name "$n" >/dev/null; done; kb -q --kb "$FIXTURES/write" add meeting --title "Nordic call" --date 2024-11-05 --attendee "Soren Ostergaard" --attendee "Lukasz Wisniewski" --attendee "Jurgen Weiss" >/dev/null; kb --kb "$FIXTURES/write" query --person "Jurgen Weiss" --format ids; kb --kb "$FIXTURES/write" query --person "lukasz wisniewski" --format ids; grep -A4 attendees "$FIXTURES/write/meetings/2024/2024-11-05-nordic-call.md"
> meetings/2024/2024-11-05-nordic-call
> meetings/2024/2024-11-05-nordic-call
> attendees:
>   - Søren Østergaard
>   - Łukasz Wiśniewski
>   - Jürgen Weiß
> ---

# kb.yaml `filenames: name`: notes are named by the name itself (what Obsidian resolves
# [[links]] by), meetings by date and title; a rename moves the file to the new name.
$ kb init kb >/dev/null 2>&1 && echo "filenames: name" >> kb/kb.yaml && kb -q --kb kb add person --name "José María Pérez-García" && kb -q --kb kb add meeting --title "Call: José" --date 2024-09-02 --attendee "José María Pérez-García" && kb -q --kb kb rename "José María Pérez-García" "José M. Pérez" && ls kb/people kb/meetings/2024 && kb --kb kb query --person "Jose Maria Perez-Garcia" --format ids
> kb/people/José María Pérez-García.md
> kb/meetings/2024/2024-09-02 Call José.md
> people/José María Pérez-García.md: 'José María Pérez-García' is now 'José M. Pérez'
> meetings/2024/2024-09-02 Call José.md: 1 name renamed
> renamed people/José María Pérez-García.md to people/José M. Pérez.md
> kb/meetings/2024:
> 2024-09-02 Call José.md
>
> kb/people:
> José M. Pérez.md
> meetings/2024/2024-09-02 Call José
