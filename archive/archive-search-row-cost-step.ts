// Archive schema step 7 (search, issue 18): nr_search plans with the cost of reading a row's search
// vector (docs/archive-scale.md, "Why `dam phan` was slower").
//
// An article's heap row is small: its body and its search vector (~17 KB with the syllable pairs) are
// TOASTed. So the planner prices a sequential scan of the articles at their heap pages alone and
// charges nothing for the vector each scanned row's `@@` has to fetch and decompress. With LIMIT 200
// it then picked the scan that stops at the 200th match for any query matching more than a few
// percent of the archive. Two folded words (`dam phan`: folding merges đ and d words, so each is
// common) often match between a few percent and half of it: 10 of the bench's 50 đ-as-d queries were
// such scans (5 of 50 for two accented words), reading up to ~10 articles' vectors per match, where the
// GIN index hands over the matches alone ("dem luong" at 50,000 articles: 1,941 rows and 13,940
// buffers read by the scan, against 200 rows and 2,272 buffers through the index). cpu_tuple_cost =
// 0.2 (20 times the default) charges each row a plan reads for its vector; measured on the bench's
// queries at 50,000 articles, the sequential scan is then kept for every query matching more than half
// the archive (the first 200 rows it reads are nearly all matches, and a common word's bitmap costs
// more) and left for the index below that. The setting holds only while these functions run.
export const ARCHIVE_SEARCH_ROW_COST_SQL = `
ALTER FUNCTION nr_search(tsquery, float4[], int, int, int) SET cpu_tuple_cost = 0.2;
ALTER FUNCTION nr_search_count(tsquery, int) SET cpu_tuple_cost = 0.2;
`;
