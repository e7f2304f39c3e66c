#!/usr/bin/env bash
# Search timings on the demo generator's data (100,000 conversations, 1,000,000 messages).
# Usage: bench/search.sh path/to/inbox.db   (fill it first: ConnectionStrings__Inbox="Data Source=path/to/inbox.db" dotnet run --project Inbox.Web -- generate-demo)
# Runs the same SQL as Infrastructure/Search/InboxSearch (SQLite), all inboxes, 8 results, each query 5 times; prints the best.
set -euo pipefail
db=${1:?database file}
sql_messages() {
  cat <<SQL
SELECT m.Id, m.ConversationId, ct.Name, snippet(MessageSearch, 0, char(2), char(3), '…', 16), m.CreatedAt
FROM MessageSearch JOIN Messages m ON m.rowid = MessageSearch.rowid
JOIN Conversations c ON c.Id = m.ConversationId JOIN Contacts ct ON ct.Id = c.ContactId
WHERE MessageSearch MATCH '$1' AND m.UnsentAt IS NULL ORDER BY MessageSearch.rowid DESC LIMIT 8;
SQL
}
time_query() {
  local best=999999
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N); sqlite3 "$db" "$2" > /dev/null; end=$(date +%s%N)
    local ms=$(( (end - start) / 1000000 )); (( ms < best )) && best=$ms
  done
  printf '%-48s %5d ms (process start included)\n' "$1" "$best"
}
echo "messages: $(sqlite3 "$db" 'SELECT COUNT(*) FROM Messages'), FTS rows: $(sqlite3 "$db" 'SELECT COUNT(*) FROM MessageSearch_docsize')"
time_query "baseline: sqlite3 start + SELECT 1" "SELECT 1;"
time_query "messages: common word (appointment)" "$(sql_messages '"appointment"*')"
time_query "messages: two words (blood test)" "$(sql_messages '"blood"* "test"*')"
time_query "messages: rare prefix (physio)" "$(sql_messages '"physio"*')"
time_query "messages: no match (zzzqqq)" "$(sql_messages '"zzzqqq"*')"
phone=$(sqlite3 "$db" "SELECT Phone FROM Contacts WHERE Phone IS NOT NULL LIMIT 1 OFFSET 50000")
time_query "contacts: phone seek ($phone)" "SELECT Id, Name FROM Contacts WHERE Phone = '$phone' LIMIT 8;"
time_query "contacts: name contains (son)" "SELECT Id, Name FROM Contacts WHERE Name LIKE '%son%' OR Email LIKE '%son%' ORDER BY Name LIMIT 8;"
