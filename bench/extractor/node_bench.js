// Baseline throughput on the same corpus as extractor_bench: wink-nlp
// (entity recognition only) and compromise (people/places/organizations).
// One thread; prints one JSON line per tool; the best of `rounds` counts,
// in wall-clock time (mb_per_s) and in the process's CPU time (mb_per_cpu_s;
// run.sh pins the process to one core, so this is that core's time).
//   node node_bench.js CORPUS [rounds]
'use strict';
const fs = require('fs');
const corpus = fs.readFileSync(process.argv[2], 'utf8');
const rounds = Number(process.argv[3] || 2);
const docs = corpus.split('\f\n').filter((d) => d.length > 0);
const mb = Buffer.byteLength(corpus.replace(/\f\n/g, ''), 'utf8') / 1048576;

function bench(tool, task, run) {
  let best = Infinity;
  let bestCpu = Infinity;
  let entities = 0;
  for (let r = 0; r < rounds; ++r) {
    entities = 0;
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const d of docs) entities += run(d);
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    best = Math.min(best, s);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1e6);
  }
  console.log(JSON.stringify({tool, task, mb: +mb.toFixed(3), seconds: +best.toFixed(3),
    mb_per_s: +(mb / best).toFixed(3), cpu_seconds: +bestCpu.toFixed(3),
    mb_per_cpu_s: +(mb / bestCpu).toFixed(3), docs: docs.length, entities}));
}

const winkNLP = require('wink-nlp');
const model = require('wink-eng-lite-web-model');
const wink = winkNLP(model);
bench('wink-nlp', 'entities', (d) => wink.readDoc(d).entities().length());

const nlp = require('compromise');
bench('compromise', 'people+places+organizations', (d) => {
  const doc = nlp(d);
  return doc.people().length + doc.places().length + doc.organizations().length;
});
