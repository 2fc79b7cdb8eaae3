# kb report weekly / brief (SPEC §3). The shipped records: week 36 of 2024.
$ kb --kb "$RECORDS" report weekly --week 2024-W36
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024
>
> UNESCO-ICHEI partnership notes
>
> ## The week in figures
>
> 3 meetings · 6 organizations · 11 people · 7 new contacts
>
> Organizations met: Division for Policies and Lifelong Learning Systems, Future of Learning and Innovation Team, Section for Higher Education, UNESCO, UNESCO-IESALC, Unit for Technology and AI in Education
>
> ## Meetings
>
> ### Mon 2 September 2024: Bilateral meeting with UNESCO-IESALC
>
> - **Place:** Paris, France
> - **Event:** Digital Learning Week 2024
> - **Organizations:** UNESCO-ICHEI, UNESCO-IESALC
> - **Topics:** Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean, AI Competency Framework for Higher Education, Regional High-Level Policy Dialogue
> - **Note:** `meetings/2024/2024-09-02-unesco-iesalc`
>
> **Attendees**
>
> - UNESCO-ICHEI: Prof. LIANG Jiansheng (Executive Deputy Director); Ms. BI Xiaohan (Deputy Director)
> - Knowledge Production and Communications Centre: Ms. SU Rui (Chief)
> - Global Partnership and Programme Office: Mr. JIAO Yanwen (Chief)
> - UNESCO-IESALC: Mr. Francesc Pedro (Director); Ms. Arianna Valentini (Education Project Manager)
>
> **Summary.** On the afternoon of 2 September (Paris time), the UNESCO-ICHEI delegation held a bilateral meeting with UNESCO-IESALC, represented by its Director Mr. Francesc Pedro and Education Project Manager Ms. Arianna Valentini. The two sides exchanged views on the sub-regional research report on Latin America, the AI competency framework in higher education and high-level policy dialogue in the Latin American region. Mr. Pedro praised the collaborative report "Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean", suggested a series of workshops around its formal release and a joint high-level policy dialogue in the future. Both sides discussed in depth the upcoming AI competency framework project with UNESCO headquarters and hoped that the three parties could, under UNESCO headquarters' framework, find suitable timing and institutions in different regions and connect local experts to build and consult on regional AI competency frameworks.
>
> **Decisions**
>
> - Both sides reached a consensus on the upcoming project of the AI Competency Framework for Higher Education with UNESCO headquarters.
>
> ### Wed 4 September 2024: Meeting with the Future of Learning and Innovation Team at UNESCO
>
> - **Place:** Paris, France
> - **Event:** Digital Learning Week 2024
> - **Organizations:** UNESCO-ICHEI, Future of Learning and Innovation Team
> - **Topics:** AI Competency Framework for Higher Education, higher education research
> - **Note:** `meetings/2024/2024-09-04-future-of-learning-and-innovation-team`
>
> **Attendees**
>
> - UNESCO-ICHEI: Prof. LIANG Jiansheng (Executive Deputy Director); Ms. BI Xiaohan (Deputy Director)
> - Knowledge Production and Communications Centre: Ms. SU Rui (Chief)
> - Global Partnership and Programme Office: Mr. JIAO Yanwen (Chief)
> - Future of Learning and Innovation Team: Mr. Sobhi Tawil (Director)
> - Unit for Technology and AI in Education: Mr. MIAO Fengchun (Chief)
>
> **Summary.** On 4 September the UNESCO-ICHEI delegation met Mr. Sobhi Tawil, Director of the Future of Learning and Innovation Team at UNESCO, and Mr. MIAO Fengchun, Chief of the Unit for Technology and AI in Education. The two sides discussed ongoing projects, directions for future work and ways to deepen their collaboration. Mr. Tawil introduced the UNESCO Global Education Network, which the team administers, stressing its relevance to and influence in higher education and its future focus on strengthening higher education research and the AI competency framework. He said the team and UNESCO-ICHEI can combine their efforts to empower future higher education and advance higher education research, particularly on building a higher education competency framework and related training, where joint regional and stakeholder consultation can be carried out through the collaboration network to promote the development and localization of the AI competency framework for higher education.
>
> **Decisions**
>
> - Future of Learning and Innovation Team and UNESCO-ICHEI to combine efforts on higher education research and on constructing the higher education competency framework and related training (as proposed by Sobhi Tawil)
>
> ### Thu 5 September 2024: Bilateral meeting with the Division for Policies and Lifelong Learning Systems
>
> - **Place:** Paris, France
> - **Event:** Digital Learning Week 2024
> - **Organizations:** UNESCO-ICHEI, Division for Policies and Lifelong Learning Systems
> - **Topics:** IIOE Micro-Certification Project for Higher Education Workforce Digital Competency Building, IIOE platform, teacher development resource library
> - **Note:** `meetings/2024/2024-09-05-division-for-policies-and-lifelong-learning-systems`
>
> **Attendees**
>
> - UNESCO-ICHEI: Prof. LIANG Jiansheng (Executive Deputy Director); Ms. BI Xiaohan (Deputy Director)
> - Knowledge Production and Communications Centre: Ms. SU Rui (Chief)
> - Global Partnership and Programme Office: Mr. JIAO Yanwen (Chief)
> - Division for Policies and Lifelong Learning Systems: Mr. Borhene Chakroun (Director)
> - UNESCO: Mr. Roy Saurabh (Senior Project Officer for AI Research)
> - Section for Higher Education: Ms. LIU Yufeng (Senior Programme Specialist)
>
> **Summary.** On the afternoon of 5 September (Paris time), the UNESCO-ICHEI delegation visited Mr. Borhene Chakroun, Director of the Division for Policies and Lifelong Learning Systems at UNESCO, and held a bilateral meeting with his team; Mr. Roy Saurabh, Senior Project Officer for AI Research at UNESCO, and Ms. LIU Yufeng, Senior Programme Specialist in the Section for Higher Education, also took part. The two sides discussed key projects UNESCO-ICHEI is currently implementing and explored opportunities for future collaboration. Mr. Chakroun showed particular interest in the IIOE platform and its resources.
>
> **Decisions**
>
> - Borhene Chakroun stated his intent to incorporate the IIOE Micro-Certification Project and the IIOE platform into UNESCO's teacher development resource library (a stated intent; the text records no joint agreement)
>
> ## Topics of the week
>
> - **AI Competency Framework for Higher Education** (2 meetings): raised with Future of Learning and Innovation Team, UNESCO-IESALC
> - **higher education research** (1 meeting): raised with Future of Learning and Innovation Team
> - **IIOE Micro-Certification Project for Higher Education Workforce Digital Competency Building** (1 meeting): raised with Division for Policies and Lifelong Learning Systems
> - **IIOE platform** (1 meeting): raised with Division for Policies and Lifelong Learning Systems
> - **Regional High-Level Policy Dialogue** (1 meeting): raised with UNESCO-IESALC
> - **teacher development resource library** (1 meeting): raised with Division for Policies and Lifelong Learning Systems
> - **Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean** (1 meeting): raised with UNESCO-IESALC
>
> ## Action items
>
> ### Opened this week
>
> - [ ] Organize a series of workshops around the formal release of the report Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean (suggested by Francesc Pedro)
> - [ ] Convene a joint high-level policy dialogue in the future (suggested by Francesc Pedro)
> - [ ] Under the framework of UNESCO headquarters, identify suitable timing and institutions across regions and connect local experts for the construction and consultation of a regional AI competency framework (a hope both sides expressed for "the three parties")
> - [ ] Carry out joint regional and stakeholder consultation through the collaboration network to promote the development and localization of the AI Competency Framework for Higher Education
> - [ ] Incorporate the IIOE Micro-Certification Project and the IIOE platform into UNESCO's teacher development resource library Borhene Chakroun
>
> ### Due in the next seven days (to 2024-09-15)
>
> None.
>
> ### Overdue at the end of the week
>
> None.
>
> ## Met for the first time
>
> - Ms. Arianna Valentini, Education Project Manager, UNESCO-IESALC (2024-09-02, Bilateral meeting with UNESCO-IESALC)
> - Mr. Francesc Pedro, Director, UNESCO-IESALC (2024-09-02, Bilateral meeting with UNESCO-IESALC)
> - Mr. MIAO Fengchun, Chief, Unit for Technology and AI in Education (2024-09-04, Meeting with the Future of Learning and Innovation Team at UNESCO)
> - Mr. Sobhi Tawil, Director, Future of Learning and Innovation Team (2024-09-04, Meeting with the Future of Learning and Innovation Team at UNESCO)
> - Mr. Borhene Chakroun, Director, Division for Policies and Lifelong Learning Systems (2024-09-05, Bilateral meeting with the Division for Policies and Lifelong Learning Systems)
> - Ms. LIU Yufeng, Senior Programme Specialist, Section for Higher Education (2024-09-05, Bilateral meeting with the Division for Policies and Lifelong Learning Systems)
> - Mr. Roy Saurabh, Senior Project Officer for AI Research, UNESCO (2024-09-05, Bilateral meeting with the Division for Policies and Lifelong Learning Systems)
>
> ## Next week (2024-W37)
>
> No meetings are recorded yet.

# --date names the week that holds the date; the same week as above, so only the headline is checked.
$ kb --kb "$RECORDS" report weekly --date 2024-09-08 | head -1
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024

# The year boundary: 2024-12-30 lies in 2025-W01; a title with <script> is escaped; actions with
# and without owners and due dates, done and open.
$ kb --kb "$FIXTURES/weekly" report weekly --week 2025-W01
> # Weekly briefing 2025-W01: Mon 30 December 2024 to Sun 5 January 2025
>
> Weekly fixture
>
> ## The week in figures
>
> 2 meetings · 2 organizations · 5 people · 3 new contacts
>
> Organizations met: Agency \& Co, Partner Institute
>
> ## Meetings
>
> ### Mon 30 December 2024, 09:30: Year-end review \<script\>alert(1)\</script\>
>
> - **Place:** Room \<b\>4\</b\>
> - **Organizations:** Home Office, Partner Institute
> - **Topics:** Budget 2025, Learning Platform
> - **Note:** `meetings/2024/2024-12-30-year-end-review`
>
> **Attendees**
>
> - Home Office: Hana Home (Liaison Officer)
> - Partner Institute: Pat Partner (Acting Director)
>
> **Summary.** We reviewed the budget \& the platform with Pat.
>
> **Decisions**
>
> - Keep the platform budget for 2025
>
> ### Thu 2 January 2025: Introduction to Agency \& Co
>
> - **Organizations:** Home Office, Agency \& Co
> - **Topics:** Learning Platform
> - **Note:** `meetings/2025/2025-01-02-agency-intro`
>
> **Attendees**
>
> - Home Office: Hana Home (Liaison Officer)
> - Agency \& Co: Ana Agency (Analyst)
> - Partner Institute: Olga Old (Adviser)
> - Organization not recorded: Walk-in Guest
>
> **Summary.** First contact with the agency.
>
> ## Topics of the week
>
> - **Learning Platform** (2 meetings): raised with Agency \& Co, Partner Institute
> - **Budget 2025** (1 meeting): raised with Partner Institute
>
> ## Action items
>
> ### Opened this week
>
> - [ ] Draft the 2025 budget Pat Partner (due 2025-01-10)
> - [ ] Book the next review Hana Home (due 2025-01-05)
> - [ ] Circulate the minutes
> - [x] Send the agenda Hana Home
> - [x] Check the room Hana Home (due 2025-01-03)
>
> ### Due in the next seven days (to 2025-01-12)
>
> - 2025-01-10: Draft the 2025 budget Pat Partner, from Year-end review \<script\>alert(1)\</script\> (2024-12-30)
>
> ### Overdue at the end of the week
>
> - 2024-12-20: Send the platform demo Hana Home, from First call with Partner Institute (2024-06-10)
> - 2025-01-03: Check the room Hana Home, from Year-end review \<script\>alert(1)\</script\> (2024-12-30)
> - 2025-01-05: Book the next review Hana Home, from Year-end review \<script\>alert(1)\</script\> (2024-12-30)
>
> ## Met for the first time
>
> - Pat Partner, Acting Director, Partner Institute (2024-12-30, Year-end review \<script\>alert(1)\</script\>)
> - Ana Agency, Analyst, Agency \& Co (2025-01-02, Introduction to Agency \& Co)
> - Walk-in Guest (2025-01-02, Introduction to Agency \& Co)
>
> ## Next week (2025-W02)
>
> - Wed 8 January 2025, 15:00: Budget follow-up (Partner Institute)

# A week with no meetings is a short, honest report, not an error.
$ kb --kb "$FIXTURES/weekly" report weekly --week 2025-W03
> # Weekly briefing 2025-W03: Mon 13 January 2025 to Sun 19 January 2025
>
> Weekly fixture
>
> ## The week in figures
>
> 0 meetings · 0 organizations · 0 people · 0 new contacts
>
> ## Meetings
>
> No meetings are recorded in this week.
>
> ## Action items
>
> ### Opened this week
>
> None.
>
> ### Due in the next seven days (to 2025-01-26)
>
> - 2025-01-20: Approve the budget Pat Partner, from Budget follow-up (2025-01-08)
>
> ### Overdue at the end of the week
>
> - 2024-12-20: Send the platform demo Hana Home, from First call with Partner Institute (2024-06-10)
> - 2025-01-05: Book the next review Hana Home, from Year-end review \<script\>alert(1)\</script\> (2024-12-30)
> - 2025-01-10: Draft the 2025 budget Pat Partner, from Year-end review \<script\>alert(1)\</script\> (2024-12-30)
>
> ## Met for the first time
>
> Nobody new this week.
>
> ## Next week (2025-W04)
>
> No meetings are recorded yet.
2> kb: no meetings in 2025-W03

# HTML: one file, every value escaped, no raw HTML from the notes.
$ kb --kb "$FIXTURES/weekly" --format html report weekly --week 2025-W01 > w.html; grep -c '<script' w.html; grep -o 'Year-end review &lt;script&gt;alert(1)&lt;/script&gt;</h3>' w.html; grep -o 'Room &lt;b&gt;4&lt;/b&gt;' w.html
> 0
> Year-end review &lt;script&gt;alert(1)&lt;/script&gt;</h3>
> Room &lt;b&gt;4&lt;/b&gt;

# With Graphviz on PATH the picture of who met whom is inlined as SVG.
$ kb --kb "$RECORDS" --format html report weekly --week 2024-W36 | grep -c '<svg'
> 1

# Without dot on PATH the report says so instead.
$ PATH="$(dirname "$(command -v kb)")" kb --kb "$RECORDS" --format html report weekly --week 2024-W36 | grep -o 'Graphviz (the dot command) is not installed[^<]*'
> Graphviz (the dot command) is not installed, so the picture of who met whom is left out.

# -o writes the whole file and leaves no temporary file behind.
$ kb --kb "$RECORDS" report weekly --week 2024-W36 -o out.md && head -1 out.md && ls -A | grep kb- || echo no temporary file
> # Weekly briefing 2024-W36: Mon 2 September 2024 to Sun 8 September 2024
> no temporary file
2> kb: wrote out.md

# --template FILE replaces the built-in template; the KB's own templates/ folder too.
$ printf '{{week}}: {{figures.meetings}}\n' > t.mustache; kb --kb "$RECORDS" report weekly --week 2024-W36 --template t.mustache
> 2024-W36: 3 meetings

$ mkdir -p "$RECORDS/templates" && printf 'own {{week}}\n' > "$RECORDS/templates/weekly.md.mustache" && kb --kb "$RECORDS" report weekly --week 2024-W36
> own 2024-W36

$ printf '{{#meetings}}\n' > bad.mustache; kb --kb "$RECORDS" report weekly --week 2024-W36 --template bad.mustache
2> kb: error: template 'bad.mustache': Unclosed section "meetings" at 0
? 1

$ kb --kb "$RECORDS" report weekly --week 2024-W99
2> kb: error: invalid week '2024-W99' (expected YYYY-Www as 2024-W36, this week, last week, next week, or a date)
? 2

$ kb --kb "$RECORDS" --format pdf report weekly --week 2024-W36
2> kb: error: kb report takes --format md or html, not 'pdf'
? 2

$ kb --kb "$RECORDS" report brief IESALC
> # Brief: UNESCO-IESALC
>
> organization · `orgs/unesco-iesalc` · UNESCO-ICHEI partnership notes
>
> - **Also known as:** IESALC, UNESCO International Institute for Higher Education in Latin America and the Caribbean
> - **Kind:** institute
> - **Part of:** UNESCO
> - **Meetings:** 1 meeting
> - **Last met:** Mon 2 September 2024
>
> ## People
>
> - Ms. Arianna Valentini (Education Project Manager)
> - Mr. Francesc Pedro (Director)
>
> ## Meetings
>
> ### 2024-09-02: Bilateral meeting with UNESCO-IESALC
>
> - **Organizations:** UNESCO-ICHEI, UNESCO-IESALC
> - **Topics:** Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean, AI Competency Framework for Higher Education, Regional High-Level Policy Dialogue
> - **Place:** Paris, France
>
> On the afternoon of 2 September (Paris time), the UNESCO-ICHEI delegation held a bilateral meeting with UNESCO-IESALC, represented by its Director Mr. Francesc Pedro and Education Project Manager Ms. Arianna Valentini. The two sides exchanged views on the sub-regional research report on Latin America, the AI competency framework in higher education and high-level policy dialogue in the Latin American region. Mr. Pedro praised the collaborative report "Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean", suggested a series of workshops around its formal release and a joint high-level policy dialogue in the future. Both sides discussed in depth the upcoming AI competency framework project with UNESCO headquarters and hoped that the three parties could, under UNESCO headquarters' framework, find suitable timing and institutions in different regions and connect local experts to build and consult on regional AI competency frameworks.
>
> ## Topics discussed
>
> - AI Competency Framework for Higher Education (1 meeting)
> - Regional High-Level Policy Dialogue (1 meeting)
> - Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean (1 meeting)
>
> ## Decisions
>
> - 2024-09-02: Both sides reached a consensus on the upcoming project of the AI Competency Framework for Higher Education with UNESCO headquarters.
>
> ## Open actions
>
> - Organize a series of workshops around the formal release of the report Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean (suggested by Francesc Pedro), from Bilateral meeting with UNESCO-IESALC (2024-09-02)
> - Convene a joint high-level policy dialogue in the future (suggested by Francesc Pedro), from Bilateral meeting with UNESCO-IESALC (2024-09-02)
> - Under the framework of UNESCO headquarters, identify suitable timing and institutions across regions and connect local experts for the construction and consultation of a regional AI competency framework (a hope both sides expressed for "the three parties"), from Bilateral meeting with UNESCO-IESALC (2024-09-02)
>
> ## People met most
>
> - Ms. Arianna Valentini (1 meeting)
> - Mr. Francesc Pedro (1 meeting)

$ kb --kb "$FIXTURES/weekly" report brief "Hana Home"
> # Brief: Hana Home
>
> person · `people/hana-home` · Weekly fixture
>
> - **Meetings:** 4 meetings
> - **Last met:** Wed 8 January 2025
>
> ## Roles and affiliations
>
> - Liaison Officer, Home Office
>
> ## Meetings
>
> ### 2025-01-08: Budget follow-up
>
> - **Organizations:** Partner Institute
> - **Topics:** Budget 2025
>
> ### 2025-01-02: Introduction to Agency \& Co
>
> - **Organizations:** Home Office, Agency \& Co
> - **Topics:** Learning Platform
>
> First contact with the agency.
>
> ### 2024-12-30: Year-end review \<script\>alert(1)\</script\>
>
> - **Organizations:** Home Office, Partner Institute
> - **Topics:** Budget 2025, Learning Platform
> - **Place:** Room \<b\>4\</b\>
>
> We reviewed the budget \& the platform with Pat.
>
> ### 2024-06-10: First call with Partner Institute
>
> - **Organizations:** Home Office, Partner Institute
> - **Topics:** Learning Platform
>
> A first call about the platform.
>
> ## Topics discussed
>
> - Learning Platform (3 meetings)
> - Budget 2025 (2 meetings)
>
> ## Decisions
>
> - 2024-12-30: Keep the platform budget for 2025
>
> ## Open actions
>
> - 2024-12-20: Send the platform demo Hana Home, from First call with Partner Institute (2024-06-10)
> - 2025-01-05: Book the next review Hana Home, from Year-end review \<script\>alert(1)\</script\> (2024-12-30)
>
> ## People met most
>
> - Olga Old (2 meetings)
> - Pat Partner (2 meetings)
> - Ana Agency (1 meeting)
> - Walk-in Guest (1 meeting)
>
> ## Organizations met with
>
> - Partner Institute (3 meetings)
> - Agency \& Co (1 meeting)

$ kb --kb "$RECORDS" report brief "Nobody Here"
2> kb: error: unknown name 'Nobody Here' (try 'kb list people', 'kb list orgs' or 'kb list topics')
? 1

# A meeting after today is planned: never "last met", given as Next.
$ KB_TODAY=2024-09-03 kb --kb "$RECORDS" report brief "Sobhi Tawil" | head -8
> # Brief: Mr. Sobhi Tawil
>
> person · `people/sobhi-tawil` · UNESCO-ICHEI partnership notes
>
> - **Honorific:** Mr.
> - **Meetings:** 1 meeting
> - **Last met:** never
> - **Next:** Wed 4 September 2024: Meeting with the Future of Learning and Innovation Team at UNESCO
