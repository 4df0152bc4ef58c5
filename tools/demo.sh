#!/usr/bin/env bash
# The demo: installs what is missing, builds, starts both services, ingests
# the sample documents in examples/documents/, answers example questions
# with the sentences behind each answer, explains a rule-derived fact, and
# stops the services.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh
echo "== building"
bazel build //graph_service:graph_server //extractor_service:extractor_server //clients/cli:kg

source tools/services.sh
trap stop_services EXIT
start_services
kg() { bazel-bin/clients/cli/kg "$@"; }

echo
echo "== ingesting the sample documents"
kg ingest examples/documents/*.txt

ask() {
  echo
  echo "== $1"
  echo "   kg query --why '$2'"
  kg query --why "$2"
}

ask "Which operations did a commander lead?" \
  '?p has_role "Commander" . ?p leads ?op . ?op type Operation'
ask "Who leads an operation, and with what rank?" \
  '?p leads ?op . ?op type Operation . ?p has_role ?rank'
ask "Which people belong to which organisation or unit?" \
  '?p type Person . ?p member_of ?org'
ask "What does each operation target?" \
  '?op type Operation . ?op targets ?crime'

echo
echo "== Why does Priya Nandakumar lead Operation Kestrel? (derived by a rule)"
echo "   kg explain '<Priya Nandakumar> leads <Operation Kestrel>'"
kg explain '<Priya Nandakumar> leads <Operation Kestrel>'

echo
echo "== How is Sam Okafor connected to Priya Nandakumar?"
echo "   kg path 'Sam Okafor' 'Priya Nandakumar'"
kg path "Sam Okafor" "Priya Nandakumar"

echo
echo "== everything about one person: kg entity 'Priya Nandakumar'"
kg entity "Priya Nandakumar"

echo
echo "== reported time: two releases a year apart (examples/reported_time/)"
kg ingest examples/reported_time/*.txt
echo "   kg timeline 'Tobias Renwick'"
kg timeline "Tobias Renwick"
echo
echo "   kg conflicts 'Tobias Renwick'"
kg conflicts "Tobias Renwick"
ask "Each person's rank as last reported" '?p has_role ?rank {latest}'
ask "Tobias Renwick's rank as reported up to the end of 2020" \
  '<Tobias Renwick> has_role ?rank {latest, reported_to: "2020-12-31"}'

echo
echo "== transaction time: a release replaced by its correction (examples/transaction_time/)"
kg ingest --id=wigan-appeal - < examples/transaction_time/appeal_first.txt
sleep 1
before_correction="$(date -u +%Y-%m-%dT%H:%M:%S.%6NZ)"
sleep 1
kg ingest --id=wigan-appeal - < examples/transaction_time/appeal_corrected.txt
ask "Who leads Operation Ferrule now?" '?p leads <Operation Ferrule>'
ask "Who led it as the graph stood at $before_correction, before the correction?" \
  "?p leads <Operation Ferrule> {as_of: \"$before_correction\"}"

echo
echo "== store statistics"
kg stats
