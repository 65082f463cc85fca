/**
 * The anchor for resolving relative dates: the publication date (its calendar day as written, keeping the
 * article's own time zone, so «2018-10-14T01:00:00+04:00» is the 14th), or, when the article has none, the --date
 * option (as `ana annotate --help` and PipelineOptions.anchorDate document it).
 * Returns YYYY-MM-DD, or undefined when neither is usable.
 */
export function anchorDate(published: string | undefined, option: string | undefined): string | undefined {
  return timexAnchor(published, option)?.value;
}

/** The same, keeping where the date came from (recorded on every timex resolved against it). */
export function timexAnchor(published: string | undefined, option: string | undefined): { value: string; source: 'publication' | 'option' } | undefined {
  const pub = publicationDay(published);
  if (pub) return { value: pub, source: 'publication' };
  if (option && /^\d{4}-\d{2}-\d{2}$/.test(option)) return { value: option, source: 'option' };
  return undefined;
}

function publicationDay(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(published.trim());
  if (iso) return iso[1];
  const t = Date.parse(published);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().slice(0, 10);
}
