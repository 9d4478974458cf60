// heading-punctuation: point marks ending a heading on its own line and the title; run-in headings,
// question headings, lists of short numbered sentences and ordinary first paragraphs left alone.
import { joinLines, M, tableTests } from '../helpers';
import { on } from '../proofread-helpers';

const RULE = 'heading-punctuation';

tableTests(
  RULE,
  [
    ['headings without a closing mark', joinLines('一、总体要求', '　　全面贯彻落实。', '（一）强化组织领导', '　　成立领导小组。')],
    ['a heading run into its body', joinLines('一、总体要求', '（一）强化组织领导。成立领导小组，统筹推进。')],
    ['a question as a heading', joinLines('一、为什么要开展主题教育？', '　　这是因为……')],
    ['a list of numbered sentences', joinLines('一、主要做法', '1.开展专项检查。', '2.建立长效机制。', '3.加强督促指导。')],
    ['numbered items holding clauses', joinLines('（1）已经排查出的隐患，要建立台账；', '　　具体如下。', '（2）一时难以整改的，要设置警示标志。', '（二）抓好危险化学品安全')],
    ['a first paragraph that is not a title', joinLines('今天我们召开会议。', '同志们：')],
    ['a title without a mark', joinLines('在全市安全生产工作会议上的讲话', '同志们：')],
  ],
  [
    ['a heading ending in a full stop', joinLines('一、总体要求。', '　　全面贯彻落实。'), [on(1, 7, 8, M('heading', { mark: '。' }), joinLines('一、总体要求', '　　全面贯彻落实。'))]],
    ['a heading ending in a colon', joinLines('一、主要做法：', '　　一是加强学习。'), [on(1, 7, 8, M('heading', { mark: '：' }), joinLines('一、主要做法', '　　一是加强学习。'))]],
    ['a level-2 heading ending in a semicolon', joinLines('一、总体要求', '（一）强化组织领导；', '　　成立领导小组。'), [on(2, 10, 11, M('heading', { mark: '；' }), joinLines('一、总体要求', '（一）强化组织领导', '　　成立领导小组。'))]],
    ['a level-3 heading over text', joinLines('1.加强组织领导。', '　　各级党委要高度重视。'), [on(1, 9, 10, M('heading', { mark: '。' }), joinLines('1.加强组织领导', '　　各级党委要高度重视。'))]],
    ['the title ending in a full stop', joinLines('在全市安全生产工作会议上的讲话。', '同志们：'), [on(1, 16, 17, M('title', { mark: '。' }), joinLines('在全市安全生产工作会议上的讲话', '同志们：'))]],
  ],
);
