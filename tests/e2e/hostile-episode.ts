/** An episode whose every text field tries to inject markup or script. It must render inert. */
export const HOSTILE_EPISODE = `---
title: 'Hostile <script>window.__pwned = "title"</script> content'
ids:
  youtube: M7lc1UVf-VE
links:
  youtube: 'javascript:window.__pwned="link"'
transcript:
- header: '<img src=x onerror="window.__pwned=&quot;header&quot;">'
- line: '<script>window.__pwned = "line"</script> and <img src=x onerror="window.__pwned=1"> plain text'
  sec: 1
  time: '0:01'
  who: '<b onmouseover="window.__pwned=2">Mallory</b>'
- line: A second line.
  sec: 10
  time: '0:10'
  who: Alice
---

<script>window.__pwned = "body"</script>

<img src=x onerror="window.__pwned='body-img'">

[click me](javascript:window.__pwned='body-link') and [ok](https://example.org){:target="_blank"}
`
