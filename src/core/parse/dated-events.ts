/**
 * Campaigns and meetings that date a text which names no year: a 党史学习教育 report was written in 2021,
 * a 第二批主题教育 one in 2023. Most specific first; the first that the text names gives the year.
 * A table of field knowledge, extended as new campaigns begin.
 */
export const DATED_EVENTS: ReadonlyArray<readonly [RegExp, number]> = [
  [/不忘初心[、，]?牢记使命.{0,4}主题教育/, 2019],
  [/党纪学习教育/, 2024],
  [/二十届三中全会/, 2024],
  [/党史学习教育|庆祝中国共产党成立100周年/, 2021],
  [/第[一二]批主题教育|学习贯彻习近平新时代中国特色社会主义思想主题教育|主题教育/, 2023],
  [/两学一做/, 2016],
  [/三严三实/, 2015],
  [/党的群众路线教育实践活动/, 2013],
  [/学习(?:宣传)?贯彻党的二十大精神|党的二十大(?:胜利)?召开以来/, 2023],
  [/迎接党的二十大/, 2022],
];

/** The year the first dated event the text names was held, or null. */
export function eventYear(text: string): number | null {
  for (const [pattern, year] of DATED_EVENTS) if (pattern.test(text)) return year;
  return null;
}
