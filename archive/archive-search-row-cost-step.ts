// Archive schema step 7 (search, issue 18): nr_search plans with the cost of reading a row's search
// vector (docs/archive-scale.md, "Why `dam phan` was slower").
//
// An article's heap row is small: its body and its search vector (~17 KB with the syllable pairs) are
// TOASTed. So the planner prices a sequential scan of the articles at their heap pages alone and
// charges nothing for the vector each scanned row's `@@` has to fetch and decompress. With LIMIT 200
// it then picked the scan that stops at the 200th match for any query matching more than a few
// percent of the archive: for two folded words (`dam phan`: folding merges đ and d words, so each is
// common and their pair falls in the 5–20 % band) it read 5–20 articles' vectors per match, where the
// GIN index hands over the matches alone. cpu_tuple_cost = 1 (a page's worth per row, instead of
// 0.01) makes each row a plan reads cost about what its vector costs, so the sequential scan is left
// to words in most articles (the first 200 rows it reads are nearly all matches) and everything else
// goes through the index. The setting holds only while these functions run.
export const ARCHIVE_SEARCH_ROW_COST_SQL = `
ALTER FUNCTION nr_search(tsquery, float4[], int, int, int) SET cpu_tuple_cost = 1;
ALTER FUNCTION nr_search_count(tsquery, int) SET cpu_tuple_cost = 1;
`;
