#!/usr/bin/env node
// The Node peer: what a user might write instead of `kb query --org NAME --format ids`, with
// gray-matter (js-yaml inside), the front-matter reader of Gatsby, Eleventy, Astro and others.
//
//   NODE_PATH=<folder with gray-matter> node query_org.js KB_DIR NAME
//
// Reads orgs/*.md for the organization's aliases, then every meetings/**/*.md front matter, and
// prints the ids of meetings whose `organizations:` list names it, sorted. Same narrower
// question as query_org.py.
'use strict';
const fs = require('fs');
const path = require('path');
const matter = require('gray-matter');

function* markdownFiles(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* markdownFiles(p);
    else if (e.name.endsWith('.md')) yield p;
  }
}

function frontMatter(p) {
  try {
    return matter(fs.readFileSync(p, 'utf8')).data || {};
  } catch (e) {
    return {};
  }
}

const [root, org] = process.argv.slice(2);
const fold = (s) => s.toLowerCase();
const names = new Set([fold(org)]);
for (const p of markdownFiles(path.join(root, 'orgs'))) {
  const fm = frontMatter(p);
  const spelled = [fm.name, ...(Array.isArray(fm.aliases) ? fm.aliases : [])].filter((n) => typeof n === 'string');
  if (spelled.some((n) => fold(n) === fold(org))) spelled.forEach((n) => names.add(fold(n)));
}
const hits = [];
for (const p of markdownFiles(path.join(root, 'meetings'))) {
  const orgs = frontMatter(p).organizations;
  if (Array.isArray(orgs) && orgs.some((o) => typeof o === 'string' && names.has(fold(o))))
    hits.push(path.relative(root, p).slice(0, -3));
}
hits.sort();
process.stdout.write(hits.map((h) => h + '\n').join(''));
