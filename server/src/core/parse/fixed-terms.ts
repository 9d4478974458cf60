// Fixed numeric terms of political and administrative language: a number in them names a concept, it
// never announces a list (整治“四风”, 增强“四个意识”, 做到“两个维护”). Written in simplified script; the
// parser matches them on the simplified-normalized text, so traditional drafts are covered too.
export const FIXED_NUMERIC_TERMS: readonly string[] = [
  // The Party's standing formulas.
  '两个维护', '两个确立', '四个意识', '四个自信', '四个全面', '五位一体', '四个伟大', '四个服务', '两个务必', '两个一百年', '两个大局',
  '三个代表', '三个有利于', '三个自信', '四项基本原则', '五个必由之路', '六个坚持', '十个明确', '十四个坚持', '十三个方面成就',
  // Conduct and discipline.
  '四风', '八项规定', '六项禁令', '三公', '三严三实', '两学一做', '三会一课', '一岗双责', '四种形态', '三重一大', '两个责任', '三不腐',
  '四个不摘', '两不愁三保障', '三保障', '四个最严', '四下基层', '三个区分开来', '五个坚持', '三大纪律', '八项注意',
  // Policy programmes.
  '三大攻坚战', '六稳', '六保', '三农', '五个一工程', '一带一路', '三去一降一补', '放管服', '最多跑一次', '三同步', '五大发展理念',
  '三大改造', '五大运动', '三反', '五反', '除四害', '两个一百年奋斗目标', '一国两制', '两岸三地', '四个现代化', '三步走', '两个文明',
  '四大发明', '四大文明古国', '三皇五帝', '五四运动', '十四五', '十三五', '十五五',
  '两会', '三中全会', '四中全会', '五中全会', '六中全会', '七中全会', '二中全会', '一中全会', '四个一批', '三个一批', '六个精准', '五个一批',
  '三个务必', '两个毫不动摇', '三个转变', '四个重大', '两个根本', '两个结合', '两个先行', '三新一高', '四个着力', '五个要求',
];
