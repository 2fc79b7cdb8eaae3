# The shipped sample KB (records/), built from the seed text.
$ kb --kb "$RECORDS" query --org IESALC
> DATE        TIME  TITLE                                 ORGANIZATIONS                ID
> 2024-09-02        Bilateral meeting with UNESCO-IESALC  UNESCO-ICHEI, UNESCO-IESALC  meetings/2024/2024-09-02-unesco-iesalc

$ kb --kb "$RECORDS" query --org UNESCO --format ids
> meetings/2024/2024-09-02-unesco-iesalc
> meetings/2024/2024-09-04-future-of-learning-and-innovation-team
> meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems

$ kb --kb "$RECORDS" query --person "sobhi tawil" --format ids
> meetings/2024/2024-09-04-future-of-learning-and-innovation-team

$ kb --kb "$RECORDS" query --week 2024-W36 --format ids
> meetings/2024/2024-09-02-unesco-iesalc
> meetings/2024/2024-09-04-future-of-learning-and-innovation-team
> meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems

$ kb --kb "$RECORDS" query --org IESALK
2> kb: error: unknown organization 'IESALK' (did you mean 'IESALC'?)
? 1

