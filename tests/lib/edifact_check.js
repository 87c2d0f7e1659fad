// edifact_check.js FILE: reads a PAXLST interchange with npm's `edifact`
// package (an EDIFACT parser that is not ours: it applies the UNA string
// advice, the release character and the UNOA repertoire its own way) and
// checks, from the PAXLST implementation guide, what our reader checks too:
// UNT counts the segments from UNH to UNT, CNT+42 the passengers (NAD+FL),
// UNE and UNZ their messages or groups and the references match; every
// passenger has a sex (ATT+2: M, F or U), a date of birth (DTM+329), a
// nationality and a travel document with its number. Prints one JSON object:
//   {"ok": true|false, "problems": [...], "segments": N, "tags": [...],
//    "flight": "NA412", "passengers": [{"surname", "given", "sex", "birth",
//    "nationality", "doc_type", "doc_number", "expiry", "booking", "seat"}]}
// and exits 0 when ok, 1 when not, 2 when the parser refused the text.
'use strict';
const fs = require('fs');
const Reader = require('edifact/reader.js');

const file = process.argv[2];
let segs;
try {
    const reader = new Reader({ autoDetectEncoding: true });
    segs = reader.parse(fs.readFileSync(file, 'latin1'));
} catch (e) {
    console.log(JSON.stringify({ ok: false, problems: ['edifact: ' + e.message] }));
    process.exit(2);
}

const problems = [];
const val = (s, e, c) => ((s.elements[e] || [])[c || 0] || '');
const tags = segs.map((s) => s.name);
const at = (t) => tags.indexOf(t);

const unh = at('UNH'), unt = at('UNT');
if (unh < 0 || unt < 0) problems.push('no UNH or no UNT');
else if (Number(val(segs[unt], 0)) !== unt - unh + 1)
    problems.push(`UNT says ${val(segs[unt], 0)} segments, UNH..UNT are ${unt - unh + 1}`);
if (unh >= 0 && val(segs[unh], 1, 0) !== 'PAXLST') problems.push('not a PAXLST message');
if (unh >= 0 && unt >= 0 && val(segs[unh], 0) !== val(segs[unt], 1))
    problems.push('UNT and UNH references differ');
const unb = segs[0], unz = segs[segs.length - 1];
if (!unb || unb.name !== 'UNB' || !unz || unz.name !== 'UNZ') problems.push('not UNB ... UNZ');
else if (val(unz, 1) !== val(unb, 4)) problems.push('UNZ and UNB references differ');
if (unz && val(unz, 0) !== '1') problems.push(`UNZ counts ${val(unz, 0)}, expected 1`);

const pax = [];
let cur = null, afterDoc = false, flight = '';
for (const s of segs) {
    if (s.name === 'TDT') flight = val(s, 1);
    if (s.name === 'NAD' && val(s, 0) === 'FL') {
        const given = (s.elements[3] || []).slice(1).filter((x) => x).join(' ');
        cur = { surname: val(s, 3, 0), given, sex: '', birth: '', nationality: '', doc_type: '',
                doc_number: '', expiry: '', booking: '', seat: '' };
        pax.push(cur);
        afterDoc = false;
        continue;
    }
    if (!cur || ['CNT', 'UNT', 'UNE', 'UNZ'].includes(s.name)) { cur = null; continue; }
    if (s.name === 'ATT' && val(s, 0) === '2') cur.sex = val(s, 2);
    if (s.name === 'DTM' && val(s, 0, 0) === '329') cur.birth = val(s, 0, 1);
    if (s.name === 'DTM' && val(s, 0, 0) === '36') cur.expiry = val(s, 0, 1);
    if (s.name === 'NAT') cur.nationality = val(s, 1);
    if (s.name === 'RFF' && val(s, 0, 0) === 'AVF') cur.booking = val(s, 0, 1);
    if (s.name === 'RFF' && val(s, 0, 0) === 'SEA') cur.seat = val(s, 0, 1);
    if (s.name === 'DOC' && !afterDoc) {
        cur.doc_type = val(s, 0, 0);
        cur.doc_number = val(s, 1);
        afterDoc = true;
    }
}

const isDate = (v) => {
    const m = /^(\d\d)(\d\d)(\d\d)$/.exec(v) || /^\d\d(\d\d)(\d\d)(\d\d)$/.exec(v);
    if (!m) return false;
    const mo = Number(m[2]), d = Number(m[3]);
    const days = new Date(Date.UTC(2000 + Number(m[1]), mo, 0)).getUTCDate();
    return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
};
pax.forEach((p, i) => {
    const who = `passenger ${i + 1} (${p.surname})`;
    if (!['M', 'F', 'U'].includes(p.sex)) problems.push(`${who}: sex "${p.sex}"`);
    if (!isDate(p.birth)) problems.push(`${who}: date of birth "${p.birth}"`);
    if (!/^[A-Z]{3}$/.test(p.nationality)) problems.push(`${who}: nationality`);
    if (!p.doc_type || !p.doc_number) problems.push(`${who}: no travel document`);
});
const cnt = segs.find((s) => s.name === 'CNT' && val(s, 0, 0) === '42');
if (!cnt) problems.push('no CNT+42');
else if (Number(val(cnt, 0, 1)) !== pax.length)
    problems.push(`CNT+42 says ${val(cnt, 0, 1)}, the parser found ${pax.length} passengers`);

console.log(JSON.stringify({ ok: problems.length === 0, problems, segments: segs.length, tags,
                             flight, passengers: pax }));
process.exit(problems.length ? 1 : 0);
