# Eight concurrent `kb add` and `kb actions done` against one KB (tests/e2e/stress.sh): every
# note is written whole under its own suffix, no action mark is lost, and what they wrote
# loads back (20 new meetings, no errors).
$ bash "$SRC/tests/e2e/stress.sh" "$WORK/kb" && kb --kb "$WORK/kb" check && kb --kb "$WORK/kb" query --since 2024-10-01 --format ids | wc -l
> notes written: 20
> whole notes: 20
> suffixes: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 
> ---
> type: meeting
> title: Shared meeting
> date: 2024-09-02
> ---
> ## Actions
> - [x] Action 1 ✅ 2024-10-02
> - [x] Action 2 ✅ 2024-10-02
> - [x] Action 3 ✅ 2024-10-02
> - [x] Action 4 ✅ 2024-10-02
> - [x] Action 5 ✅ 2024-10-02
> - [x] Action 6 ✅ 2024-10-02
> - [x] Action 7 ✅ 2024-10-02
> - [x] Action 8 ✅ 2024-10-02
> - [x] Action 9 ✅ 2024-10-02
> - [x] Action 10 ✅ 2024-10-02
> - [x] Action 11 ✅ 2024-10-02
> - [x] Action 12 ✅ 2024-10-02
> - [x] Action 13 ✅ 2024-10-02
> - [x] Action 14 ✅ 2024-10-02
> - [x] Action 15 ✅ 2024-10-02
> - [x] Action 16 ✅ 2024-10-02
> 20
2> kb: 22 files checked: 0 errors, 0 warnings

