/** Short real 公文 text the cleaning and title tests share (国办发〔2019〕3号, a public document of the State Council). */

/** A sentence in two halves: a rule that fires inside it must leave both halves joined. */
export const SPLIT_SENTENCE = ['各地要压实属地责任，', '健全长效机制，确保各项任务落地见效。'] as const;

export const NOTICE_TITLE = '国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知';

/** The notice's opening: document number, addressees, purpose, a first heading and its paragraph. */
export const NOTICE_BODY = [
  '国办发〔2019〕3号',
  '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
  '为贯彻落实党中央、国务院决策部署，切实解决城镇小区配套幼儿园规划、建设、移交、使用不到位等问题，现就有关事项通知如下。',
  '一、总体要求',
  '以习近平新时代中国特色社会主义思想为指导，坚持政府主导、社会参与、公办民办并举，切实办好人民满意的学前教育。',
].join('\n');
