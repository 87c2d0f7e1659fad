// Helpers for tests/cli/lrs.sh, run with NODE_PATH at the cached npm install.
//   node lrs_tool.js validate FILE    every line a statement Learning Locker's
//                                     validator (xapi-validation) accepts;
//                                     prints each problem, exits 1 if any
//   node lrs_tool.js fetch URL        every statement the store holds (GET
//                                     /statements, following "more"), one a line
'use strict';
const fs = require('fs');
const [cmd, arg] = process.argv.slice(2);
const auth = 'Basic ' + Buffer.from('test:test').toString('base64');

if (cmd === 'validate') {
  const validate = require('xapi-validation').default;
  let bad = 0, n = 0;
  for (const line of fs.readFileSync(arg, 'utf8').split('\n')) {
    if (!line) continue;
    n++;
    for (const w of validate(JSON.parse(line))) {
      bad++;
      console.log(`statement ${n}: ${w.path.join('.')}: ${w.name}: ${JSON.stringify(w.data)}`);
    }
  }
  console.log(`${n} statements, ${bad} problems`);
  process.exit(bad || !n ? 1 : 0);
} else if (cmd === 'fetch') {
  (async () => {
    const base = new URL(arg);
    let next = arg + '/statements?limit=500';
    while (next) {
      const r = await fetch(next, {headers: {'X-Experience-API-Version': '1.0.3',
                                             Authorization: auth}});
      if (r.status !== 200) throw new Error(`GET ${next}: HTTP ${r.status}`);
      const page = await r.json();
      for (const s of page.statements) console.log(JSON.stringify(s));
      next = page.more ? new URL(page.more, base.origin).toString() : null;
    }
  })().catch((e) => { console.error(String(e)); process.exit(2); });
} else {
  console.error('usage: lrs_tool.js validate FILE | fetch URL');
  process.exit(2);
}
