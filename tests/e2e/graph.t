# kb related, kb path and kb graph.
$ kb --kb "$RECORDS" related "Francesc Pedro"
> TYPE          NAME                                                                                       STRENGTH  LAST MET    LAST MEETING                          NEXT
> person        Arianna Valentini                                                                          1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> organization  UNESCO-IESALC                                                                              1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> topic         AI Competency Framework for Higher Education                                               1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> topic         Regional High-Level Policy Dialogue                                                        1         2024-09-02  Bilateral meeting with UNESCO-IESALC
> topic         Transforming the Digital Landscape of Higher Education in Latin America and the Caribbean  1         2024-09-02  Bilateral meeting with UNESCO-IESALC

$ kb --kb "$RECORDS" related IESALC --limit 2 --format json
> [
>   {
>     "id": "people/arianna-valentini",
>     "last_met": "2024-09-02",
>     "meetings": [
>       {
>         "date": "2024-09-02",
>         "id": "meetings/2024/2024-09-02-unesco-iesalc",
>         "title": "Bilateral meeting with UNESCO-IESALC"
>       }
>     ],
>     "name": "Arianna Valentini",
>     "next": null,
>     "strength": 1,
>     "type": "person"
>   },
>   {
>     "id": "people/francesc-pedro",
>     "last_met": "2024-09-02",
>     "meetings": [
>       {
>         "date": "2024-09-02",
>         "id": "meetings/2024/2024-09-02-unesco-iesalc",
>         "title": "Bilateral meeting with UNESCO-IESALC"
>       }
>     ],
>     "name": "Francesc Pedro",
>     "next": null,
>     "strength": 1,
>     "type": "person"
>   },
>   {
>     "id": "topics/ai-competency-framework",
>     "last_met": "2024-09-02",
>     "meetings": [
>       {
>         "date": "2024-09-02",
>         "id": "meetings/2024/2024-09-02-unesco-iesalc",
>         "title": "Bilateral meeting with UNESCO-IESALC"
>       }
>     ],
>     "name": "AI Competency Framework for Higher Education",
>     "next": null,
>     "strength": 1,
>     "type": "topic"
>   },
>   {
>     "id": "topics/regional-high-level-policy-dialogue",
>     "last_met": "2024-09-02",
>     "meetings": [
>       {
>         "date": "2024-09-02",
>         "id": "meetings/2024/2024-09-02-unesco-iesalc",
>         "title": "Bilateral meeting with UNESCO-IESALC"
>       }
>     ],
>     "name": "Regional High-Level Policy Dialogue",
>     "next": null,
>     "strength": 1,
>     "type": "topic"
>   }
> ]

# The home side (kb.yaml home: Home Office, its people) is tied to everything: left out
# unless --with-home.
$ kb --kb "$FIXTURES/weekly" related "Budget 2025" --with-home
> TYPE          NAME               STRENGTH  LAST MET    LAST MEETING                               NEXT
> person        Hana Home          2         2025-01-08  Budget follow-up
> person        Pat Partner        2         2025-01-08  Budget follow-up
> organization  Home Office        2         2025-01-08  Budget follow-up
> organization  Partner Institute  2         2025-01-08  Budget follow-up
> topic         Learning Platform  1         2024-12-30  Year-end review <script>alert(1)</script>

$ kb --kb "$FIXTURES/weekly" related "Budget 2025"
> TYPE          NAME               STRENGTH  LAST MET    LAST MEETING                               NEXT
> person        Pat Partner        2         2025-01-08  Budget follow-up
> organization  Partner Institute  2         2025-01-08  Budget follow-up
> topic         Learning Platform  1         2024-12-30  Year-end review <script>alert(1)</script>

$ kb --kb "$RECORDS" path "Francesc Pedro" "Sobhi Tawil" --via-home
> STEP  LINK      TYPE     NAME                                                               DATE        ID
> 0               person   Francesc Pedro                                                                 people/francesc-pedro
> 1     attended  meeting  Bilateral meeting with UNESCO-IESALC                               2024-09-02  meetings/2024/2024-09-02-unesco-iesalc
> 2     attended  person   BI Xiaohan                                                                     people/bi-xiaohan
> 3     attended  meeting  Meeting with the Future of Learning and Innovation Team at UNESCO  2024-09-04  meetings/2024/2024-09-04-future-of-learning-and-innovation-team
> 4     attended  person   Sobhi Tawil                                                                    people/sobhi-tawil

$ kb --kb "$RECORDS" path IESALC "MIAO Fengchun" --format json --via-home
> [
>   {
>     "date": null,
>     "id": "orgs/unesco-iesalc",
>     "link": null,
>     "name": "UNESCO-IESALC",
>     "step": 0,
>     "type": "organization"
>   },
>   {
>     "date": "2024-09-02",
>     "id": "meetings/2024/2024-09-02-unesco-iesalc",
>     "link": "took part in",
>     "name": "Bilateral meeting with UNESCO-IESALC",
>     "step": 1,
>     "type": "meeting"
>   },
>   {
>     "date": null,
>     "id": "people/bi-xiaohan",
>     "link": "attended",
>     "name": "BI Xiaohan",
>     "step": 2,
>     "type": "person"
>   },
>   {
>     "date": "2024-09-04",
>     "id": "meetings/2024/2024-09-04-future-of-learning-and-innovation-team",
>     "link": "attended",
>     "name": "Meeting with the Future of Learning and Innovation Team at UNESCO",
>     "step": 3,
>     "type": "meeting"
>   },
>   {
>     "date": null,
>     "id": "people/miao-fengchun",
>     "link": "attended",
>     "name": "MIAO Fengchun",
>     "step": 4,
>     "type": "person"
>   }
> ]

# Every chain here goes through Hana Home, on the home side: without --via-home there is none.
$ kb --kb "$FIXTURES/weekly" path "Ana Agency" "Pat Partner"
2> kb: no chain of meetings and people links 'Ana Agency' and 'Pat Partner' outside the home side (--via-home passes through it)

$ kb --kb "$FIXTURES/weekly" path "Ana Agency" "Pat Partner" --via-home
> STEP  LINK      TYPE     NAME                         DATE        ID
> 0               person   Ana Agency                               people/ana-agency
> 1     attended  meeting  Introduction to Agency & Co  2025-01-02  meetings/2025/2025-01-02-agency-intro
> 2     attended  person   Hana Home                                people/hana-home
> 3     attended  meeting  Budget follow-up             2025-01-08  meetings/2025/2025-01-08-budget-follow-up
> 4     attended  person   Pat Partner                              people/pat-partner

$ kb --kb "$RECORDS" path "Francesc Pedro" "AI Competency Framework for Higher Education"
2> kb: error: 'AI Competency Framework for Higher Education' is a topic; kb path links people and organizations
? 1

$ kb --kb "$FIXTURES/weekly" graph --met --week 2025-W01
> digraph kb {
>   graph [rankdir=LR, fontname="Helvetica", bgcolor="transparent"];
>   node [fontname="Helvetica", fontsize=10];
>   edge [fontname="Helvetica", fontsize=8, color="#777777"];
>   n0 [label="2024-12-30 Year-end review\n<script>alert(1)</script>", kind="meeting", record="meetings/2024/2024-12-30-year-end-review", shape=box, style="rounded,filled", fillcolor="#fdf1d6"];
>   n1 [label="2025-01-02 Introduction to\nAgency & Co", kind="meeting", record="meetings/2025/2025-01-02-agency-intro", shape=box, style="rounded,filled", fillcolor="#fdf1d6"];
>   n2 [label="Ana Agency", kind="person", record="people/ana-agency", shape=ellipse, style=filled, fillcolor="#e3eefc"];
>   n3 [label="Hana Home", kind="person", record="people/hana-home", shape=ellipse, style=filled, fillcolor="#e3eefc"];
>   n4 [label="Olga Old", kind="person", record="people/olga-old", shape=ellipse, style=filled, fillcolor="#e3eefc"];
>   n5 [label="Pat Partner", kind="person", record="people/pat-partner", shape=ellipse, style=filled, fillcolor="#e3eefc"];
>   n6 [label="Walk-in Guest", kind="person", record="unresolved:person:Walk-in Guest", shape=ellipse, style=filled, fillcolor="#e3eefc"];
>   n7 [label="Agency & Co", kind="organization", record="orgs/agency", shape=box, style=filled, fillcolor="#e4f4e4"];
>   n8 [label="Home Office", kind="organization", record="orgs/home-office", shape=box, style=filled, fillcolor="#e4f4e4"];
>   n9 [label="Partner Institute", kind="organization", record="orgs/partner-institute", shape=box, style=filled, fillcolor="#e4f4e4"];
>   n10 [label="Budget 2025", kind="topic", record="topics/budget", shape=hexagon, style=filled, fillcolor="#f3e5f5"];
>   n11 [label="Learning Platform", kind="topic", record="topics/platform", shape=hexagon, style=filled, fillcolor="#f3e5f5"];
>   n0 -> n8 [kind="organization", weight=1, label="organization"];
>   n0 -> n9 [kind="organization", weight=1, label="organization"];
>   n0 -> n10 [kind="topic", weight=1, label="topic"];
>   n0 -> n11 [kind="topic", weight=1, label="topic"];
>   n1 -> n7 [kind="organization", weight=1, label="organization"];
>   n1 -> n8 [kind="organization", weight=1, label="organization"];
>   n1 -> n11 [kind="topic", weight=1, label="topic"];
>   n2 -> n1 [kind="attended", weight=1, label="attended"];
>   n2 -> n3 [kind="met", weight=1, dir=none, penwidth=2, label="met"];
>   n2 -> n4 [kind="met", weight=1, dir=none, penwidth=2, label="met"];
>   n2 -> n6 [kind="met", weight=1, dir=none, penwidth=2, label="met"];
>   n2 -> n7 [kind="affiliated", weight=1, label="affiliated: Analyst"];
>   n3 -> n0 [kind="attended", weight=1, label="attended"];
>   n3 -> n1 [kind="attended", weight=1, label="attended"];
>   n3 -> n4 [kind="met", weight=1, dir=none, penwidth=2, label="met"];
>   n3 -> n5 [kind="met", weight=1, dir=none, penwidth=2, label="met"];
>   n3 -> n6 [kind="met", weight=1, dir=none, penwidth=2, label="met"];
>   n3 -> n8 [kind="affiliated", weight=1, label="affiliated: Liaison Officer"];
>   n4 -> n1 [kind="attended", weight=1, label="attended"];
>   n4 -> n6 [kind="met", weight=1, dir=none, penwidth=2, label="met"];
>   n4 -> n9 [kind="affiliated", weight=1, label="affiliated: Adviser"];
>   n5 -> n0 [kind="attended", weight=1, label="attended"];
>   n5 -> n9 [kind="affiliated", weight=1, label="affiliated: Acting Director"];
>   n6 -> n1 [kind="attended", weight=1, label="attended"];
> }

# dot renders the DOT; jq reads the JSON; python's xml.etree and networkx read the GraphML.
$ kb --kb "$RECORDS" graph | dot -Tsvg | grep -c '<svg'
> 1

$ kb --kb "$FIXTURES/weekly" graph | dot -Tsvg >/dev/null && echo rendered
> rendered

$ kb --kb "$RECORDS" --format json graph | jq -r '[(.nodes | length), (.edges | length)] | @tsv'
> 33	114

$ kb --kb "$RECORDS" --format json graph --met --person "Sobhi Tawil" | jq -r '.edges[] | select(.type == "met") | "\(.source) \(.target) \(.weight)"'
> people/bi-xiaohan people/jiao-yanwen 1
> people/bi-xiaohan people/liang-jiansheng 1
> people/bi-xiaohan people/miao-fengchun 1
> people/bi-xiaohan people/sobhi-tawil 1
> people/bi-xiaohan people/su-rui 1
> people/jiao-yanwen people/liang-jiansheng 1
> people/jiao-yanwen people/miao-fengchun 1
> people/jiao-yanwen people/sobhi-tawil 1
> people/jiao-yanwen people/su-rui 1
> people/liang-jiansheng people/miao-fengchun 1
> people/liang-jiansheng people/sobhi-tawil 1
> people/liang-jiansheng people/su-rui 1
> people/miao-fengchun people/sobhi-tawil 1
> people/miao-fengchun people/su-rui 1
> people/sobhi-tawil people/su-rui 1

$ kb --kb "$FIXTURES/weekly" --format graphml graph > g.xml && python3 -c 'import sys, xml.etree.ElementTree as ET; r = ET.parse("g.xml").getroot(); ns = "{http://graphml.graphdrawing.org/xmlns}"; print(len(r.findall(".//" + ns + "node")), len(r.findall(".//" + ns + "edge")))'
> 14 26

$ kb --kb "$FIXTURES/weekly" --format graphml graph --met > g.xml && python3 -c 'import networkx as nx; g = nx.read_graphml("g.xml"); print(g.number_of_nodes(), g.number_of_edges(), sorted({d["type"] for _, d in g.nodes(data=True)}), sorted({d["type"] for *_, d in g.edges(data=True)}))'
> 14 33 ['meeting', 'organization', 'person', 'topic'] ['affiliated', 'attended', 'met', 'organization', 'topic']

$ kb --kb "$FIXTURES/weekly" --format mermaid graph --met --week 2025-W01
> flowchart LR
>   n0["2024-12-30 Year-end review #lt;script#gt;alert(1)#lt;/script#gt;"]
>   n1["2025-01-02 Introduction to Agency #amp; Co"]
>   n2(["Ana Agency"])
>   n3(["Hana Home"])
>   n4(["Olga Old"])
>   n5(["Pat Partner"])
>   n6(["Walk-in Guest"])
>   n7[["Agency #amp; Co"]]
>   n8[["Home Office"]]
>   n9[["Partner Institute"]]
>   n10{{"Budget 2025"}}
>   n11{{"Learning Platform"}}
>   n0 -->|organization| n8
>   n0 -->|organization| n9
>   n0 -->|topic| n10
>   n0 -->|topic| n11
>   n1 -->|organization| n7
>   n1 -->|organization| n8
>   n1 -->|topic| n11
>   n2 -->|attended| n1
>   n2 ---|met| n3
>   n2 ---|met| n4
>   n2 ---|met| n6
>   n2 -->|affiliated| n7
>   n3 -->|attended| n0
>   n3 -->|attended| n1
>   n3 ---|met| n4
>   n3 ---|met| n5
>   n3 ---|met| n6
>   n3 -->|affiliated| n8
>   n4 -->|attended| n1
>   n4 ---|met| n6
>   n4 -->|affiliated| n9
>   n5 -->|attended| n0
>   n5 -->|affiliated| n9
>   n6 -->|attended| n1
>   classDef meeting fill:#fdf1d6,stroke:#b58900
>   class n0,n1 meeting
>   classDef person fill:#e3eefc,stroke:#268bd2
>   class n2,n3,n4,n5,n6 person
>   classDef organization fill:#e4f4e4,stroke:#2e7d32
>   class n7,n8,n9 organization
>   classDef topic fill:#f3e5f5,stroke:#6c3483
>   class n10,n11 topic

# SVG is the DOT drawn by Graphviz (issue 27): --format svg, or -o FILE.svg. Where dot is
# missing, the two cases skip by printing what they expect (the error is tested below).
$ command -v dot >/dev/null || { echo 2; exit 0; }; kb --kb "$RECORDS" --format svg graph --org IESALC | grep -c -e '^<svg' -e '^</svg>'
> 2

$ command -v dot >/dev/null || { echo 1; echo "kb: wrote g.svg" >&2; exit 0; }; kb --kb "$RECORDS" graph -o g.svg && grep -c '>Francesc Pedro</text>' g.svg
> 1
2> kb: wrote g.svg

$ kb_bin=$(command -v kb); PATH=/nonexistent "$kb_bin" --kb "$RECORDS" graph --format svg
2> kb: error: SVG is drawn by Graphviz's 'dot', which is not on PATH (install graphviz, or write --format dot)
? 1

$ kb --kb "$RECORDS" --format png graph
2> kb: error: kb graph takes --format dot, json, graphml, mermaid or svg, not 'png'
? 2

$ kb --kb "$RECORDS" graph --org IESALK
2> kb: error: unknown organization 'IESALK' (did you mean 'IESALC'?)
? 1

# CSV keeps every meeting's id for scripts; a table shows the newest meeting only (issue 27).
$ kb --kb "$RECORDS" --format csv related "Francesc Pedro" --limit 2
> TYPE,NAME,STRENGTH,LAST MET,LAST MEETING,NEXT,MEETINGS
> person,Arianna Valentini,1,2024-09-02,Bilateral meeting with UNESCO-IESALC,,meetings/2024/2024-09-02-unesco-iesalc
> organization,UNESCO-IESALC,1,2024-09-02,Bilateral meeting with UNESCO-IESALC,,meetings/2024/2024-09-02-unesco-iesalc
> topic,AI Competency Framework for Higher Education,1,2024-09-02,Bilateral meeting with UNESCO-IESALC,,meetings/2024/2024-09-02-unesco-iesalc
> topic,Regional High-Level Policy Dialogue,1,2024-09-02,Bilateral meeting with UNESCO-IESALC,,meetings/2024/2024-09-02-unesco-iesalc

# Ties met before today show when; a planned shared meeting is NEXT (issue 26).
$ KB_TODAY=2024-09-03 kb --kb "$RECORDS" related "MIAO Fengchun" --with-home --limit 2
> TYPE          NAME                                          STRENGTH  LAST MET  LAST MEETING  NEXT
> person        BI Xiaohan                                    1                                 2024-09-04 Meeting with the Future of Learning and Innovation Team at UNESCO
> person        JIAO Yanwen                                   1                                 2024-09-04 Meeting with the Future of Learning and Innovation Team at UNESCO
> organization  Future of Learning and Innovation Team        1                                 2024-09-04 Meeting with the Future of Learning and Innovation Team at UNESCO
> organization  Global Partnership and Programme Office       1                                 2024-09-04 Meeting with the Future of Learning and Innovation Team at UNESCO
> topic         AI Competency Framework for Higher Education  1                                 2024-09-04 Meeting with the Future of Learning and Innovation Team at UNESCO
> topic         higher education research                     1                                 2024-09-04 Meeting with the Future of Learning and Innovation Team at UNESCO
