// The speechDraft/structure response: the outline with 字数, findings per section and announced vs
// actual counts, all from the one cached analysis.
import { formatConfigProblem } from '../config-file';
import { ruleOptions } from '../core/engine';
import { findingMessage, message } from '../core/messages';
import { ruleById } from '../core/rules';
import { lengthStatus, speakingMinutes } from '../core/stats';
import type { Finding, Section } from '../core/types';
import type { SpeechStructure, StructureAnnouncement, StructureSection } from '../protocol';
import type { Analysis } from './analysis';
import { toRange } from './convert';
import { headingSpan, trimmedSpan } from './symbols';

function inside(f: Finding, start: number, end: number): boolean {
  return f.start >= start && f.start < end;
}

export function structure(analysis: Analysis): SpeechStructure {
  const { doc, result, lines, settings, locale, parts } = analysis;
  const findings = result.findings;
  const announcements: (StructureAnnouncement & { section?: Section })[] = doc.announcements.map((a) => {
    const finding = findings.find((f) => f.rule === 'announced-count' && f.start === a.start && f.end === a.end);
    return {
      text: a.text,
      range: toRange(lines, a),
      number: a.number,
      actual: a.actual ?? null,
      target: a.target ?? null,
      matches: !finding,
      message: finding ? findingMessage(finding, locale) : '',
      section: a.section,
    };
  });
  const convert = (section: Section): StructureSection => {
    const h = section.heading;
    const span = parts.sectionSpan(section);
    const inChild = (f: Finding) => section.children.some((c) => inside(f, parts.sectionSpan(c).start, parts.sectionSpan(c).end));
    const mine = findings.filter((f) => inside(f, span.start, span.end));
    return {
      level: h.level,
      marker: h.markerText,
      number: h.number,
      title: h.titleText,
      range: toRange(lines, trimmedSpan(doc, span)),
      selectionRange: toRange(lines, headingSpan(section)),
      count: parts.sectionCount(section),
      findings: mine.length,
      ownFindings: mine.filter((f) => !inChild(f)).length,
      mismatches: announcements.filter((a) => a.section === section && !a.matches).map((a) => a.message),
      children: section.children.map(convert),
    };
  };
  const total = doc.count.total;
  // "Near the limit" is the length-limit rule's own threshold (its `warnAt` option).
  const warnAt = ruleOptions(ruleById.get('length-limit')!, settings).warnAt as number;
  return {
    uri: analysis.uri,
    version: analysis.version,
    script: doc.script.script,
    kind: result.kind,
    count: { mode: doc.count.mode, total, limit: result.limit, status: lengthStatus(total, result.limit, warnAt) },
    minutes: Math.round(speakingMinutes(total, settings.speakingRate) * 10) / 10,
    speakingRate: settings.speakingRate,
    findings: findings.length,
    locale,
    title: doc.title ? { text: doc.text.slice(doc.title.start, doc.title.end), range: toRange(lines, doc.title) } : undefined,
    sections: doc.sections.map(convert),
    announcements: announcements.map(({ section: _section, ...a }) => a),
    preambleCount: parts.openingCount,
    closing: parts.closing && {
      range: toRange(lines, parts.closing),
      count: parts.closing.count,
      findings: findings.filter((f) => inside(f, parts.closing!.start, parts.closing!.end)).length,
    },
    preambleMismatches: announcements.filter((a) => !a.section && !a.matches).map((a) => a.message),
    settingsProblems: analysis.resolved.problems.map((p) => formatConfigProblem(p, locale)),
    ruleErrors: result.ruleErrors.map((e) => message('ui/rule-failed', { rule: e.rule, error: e.error }, locale)),
  };
}
