// The opt-in 文风 preset (`"bannedPhrasePresets": ["wenfeng"]`): stock phrases of officialese that say
// little — the 空话、套话 that the 中央八项规定 (2012) asks speeches to avoid (“开短会、讲短话，力戒空话、
// 套话”). None is wrong in itself, so findings are notes (`info`) and carry no automatic replacement: what
// to say instead depends on the work being described. Phrases are written in simplified script; they match
// traditional drafts too (matching runs on the simplified-normalized text).

export type PresetKind = 'pledge' | 'degree' | 'verdict' | 'formula';

export interface PresetPhrase {
  phrase: string;
  /** Why the phrase says little: the message `banned-phrase/why.<kind>`. */
  kind: PresetKind;
}

function group(kind: PresetKind, phrases: string[]): PresetPhrase[] {
  return phrases.map((phrase) => ({ phrase, kind }));
}

export const wenfeng: PresetPhrase[] = [
  ...group('pledge', [
    '高度重视',
    '认真贯彻落实',
    '全面贯彻落实',
    '狠抓落实',
    '抓紧抓好',
    '抓实抓细',
    '落到实处',
    '常抓不懈',
    '坚持不懈',
    '务求实效',
    '取得实效',
    '齐抓共管',
    '形成合力',
    '多措并举',
    '采取有效措施',
    '加大工作力度',
    '加大力度',
    '加强组织领导',
    '统一思想',
    '提高思想认识',
    '提高认识',
    '充分认识到',
    '责任感和紧迫感',
    '紧迫感和责任感',
    '引向深入',
  ]),
  ...group('degree', [
    '进一步加强',
    '切实加强',
    '进一步提高',
    '不断提高',
    '进一步提升',
    '进一步增强',
    '全面推进',
    '扎实推进',
    '稳步推进',
    '深入开展',
    '大力弘扬',
    '积极探索',
  ]),
  ...group('verdict', [
    '取得了显著成效',
    '取得显著成效',
    '取得了明显成效',
    '取得了一定成绩',
    '取得新成效',
    '取得新突破',
    '具有十分重要的意义',
    '具有重要意义',
    '重中之重',
  ]),
  ...group('formula', ['的正确领导下', '迈上新台阶', '再上新台阶', '开创新局面', '新的更大贡献', '以优异成绩迎接']),
];
