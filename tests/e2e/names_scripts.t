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
