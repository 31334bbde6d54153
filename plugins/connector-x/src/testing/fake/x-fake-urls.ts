/**
 * The fake's own URL finder for the weighted length: http(s) URLs, and scheme-less ones the way twitter-text
 * finds them (`example.com`, `www.x.co/p`; not `me@example.com`, `notes.md` or a bare `example.jp`). It reads
 * whitespace-separated words, unlike the SDK's pattern, so that the two implementations check each other.
 */
const GENERIC = new Set(
  (
    'com net org info biz edu gov mil int mobi name pro aero asia cat coop jobs museum tel travel xxx app dev ' +
    'page blog shop store online site website tech cloud news xyz club live media agency studio design digital ' +
    'email world today link social art top wiki'
  ).split(' '),
);
const COUNTRY = new Set(
  (
    'ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt bv ' +
    'bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et eu ' +
    'fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in ' +
    'io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf ' +
    'mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph ' +
    'pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy ' +
    'sz tc td tf tg th tj tk tl tm tn to tp tr tt tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt ' +
    'za zm zw'
  ).split(' '),
);
/** Bare `name.co` and `name.tv` are URLs although they are country codes (twitter-text's special short TLDs). */
const SHORT_OK = new Set(['co', 'tv']);
const FORBIDDEN_BEFORE = new Set(['@', '＠', '$', '#', '＃', '-', '_', '.', '/']);
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/iu;
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"']);

function withoutTrailing(candidate: string): string {
  let url = candidate;
  for (;;) {
    const last = url.at(-1);
    const unbalanced = last === ')' && url.split('(').length < url.split(')').length;
    if (last === undefined || !(TRAILING.has(last) || unbalanced)) {
      return url;
    }
    url = url.slice(0, -1);
  }
}

function isSchemelessUrl(candidate: string): boolean {
  const slash = candidate.search(/[/:]/u);
  const host = slash < 0 ? candidate : candidate.slice(0, slash);
  const hasPath = slash >= 0;
  const labels = host.split('.');
  const tld = labels.at(-1)!.toLowerCase();
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) {
    return false;
  }
  if (GENERIC.has(tld)) {
    return true;
  }
  return COUNTRY.has(tld) && (labels.length > 2 || hasPath || SHORT_OK.has(tld));
}

/** The URLs of a text, each as the span X replaces with a t.co link. */
export function fakeFindUrls(text: string): { url: string; start: number }[] {
  const urls: { url: string; start: number }[] = [];
  for (const { 0: word, index } of text.matchAll(/\S+/gu)) {
    const scheme = /https?:\/\/\S+/iu.exec(word);
    if (scheme) {
      urls.push({ url: withoutTrailing(scheme[0]), start: index + scheme.index });
      continue;
    }
    // Skip what opens the word (brackets, quotes, an emoji), but not what makes it a mention, tag or path.
    let start = 0;
    while (
      start < word.length &&
      !/[\p{L}\p{N}]/u.test(word[start]!) &&
      !FORBIDDEN_BEFORE.has(word[start]!)
    ) {
      start += 1;
    }
    const candidate = withoutTrailing(word.slice(start));
    if (candidate && !FORBIDDEN_BEFORE.has(word[start] ?? '') && isSchemelessUrl(candidate)) {
      urls.push({ url: candidate, start: index + start });
    }
  }
  return urls;
}
