import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentText } from '../document.js';
import { parseFile } from '../parse/parse-file.js';
import { isSiteName, matchChrome, isCommentsHeader } from './site-chrome.js';

/** Chrome of pages farther from 范文 sites, each form with content near it that must stay. */
describe('page chrome by its form, on farther sites', () => {
  const chrome: Array<[string, string]> = [
    ['来源丨人民网　作者丨赵磊', 'site-meta'],
    ['作者 | 刘晓燕', 'site-meta'],
    ['栏目：政策文件　更新：2023-08-10　阅读量：37193', 'site-meta'],
    ['查看: 38513|回复: 55', 'site-meta'],
    ['李文静　7级　2023-05-12', 'site-meta'],
    ['2024-03-05 10:21', 'site-meta'],
    ['打赏 | 点赞 261 | 在看 50 | 分享', 'site-toolbar'],
    ['赞 | 分享 | 推荐 | 写留言', 'site-toolbar'],
    ['返回列表 发新帖', 'site-toolbar'],
    ['上一页 1 2 3 … 12 下一页', 'site-toolbar'],
    ['无障碍浏览 | 长者模式', 'site-toolbar'],
    ['- 3 / 12 -', 'site-pagenum'],
    ['共3页：首页 上一页 1 2 下一页 尾页', 'site-pagenum'],
    ['阅读 1.2万 · 点赞 36', 'site-counter'],
    ['10万+阅读', 'site-counter'],
    ['声明：本文内容由互联网用户自发贡献，本站不拥有所有权，不承担相关法律责任。', 'site-disclaimer'],
    ['版权声明：本文为博主原创文章，遵循 CC 4.0 BY-SA 版权协议，转载请附上原文出处链接和本声明。', 'site-disclaimer'],
    ['【推广】卷宗VIP年卡限时五折，全站范文任意下载', 'site-ad'],
    ['[外链图片转存失败,源站可能有防盗链机制,建议将图片保存下来直接上传(img-123456-1700000000000)]', 'site-slot'],
    ['IMG_20240305_0912.jpg (182.6 KB, 下载次数: 3)', 'site-download'],
    ['最佳答案', 'site-answer'],
    ['本回答由网友推荐　12　已赞过　已踩过<', 'site-answer'],
    ['本文链接：https://blog.example.com/abc/article/details/123456789', 'site-banner'],
    [
      '您所在的位置：首页 > 政务公开 > 政策文件 > 国务院关于同意乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的批复',
      'site-breadcrumb',
    ],
    ['网站首页 -> 通知公告', 'site-breadcrumb'],
    ['（完）', 'site-end'],
    ['扫描上方二维码，添加小编微信领取Word版', 'site-call'],
    ['更多精彩内容，请关注我们的公众号', 'site-call'],
    ['▼ 往期精彩回顾 ▼', 'site-related'],
    ['点击排行', 'site-related'],
    ['文章标签：工作总结 公文写作', 'site-tags'],
    ['联系我们 | 关于我们 | 网站地图', 'site-toolbar'],
    ['打印本文　收藏本文', 'site-toolbar'],
    ['下载本文', 'site-toolbar'],
    ['图文来自网络，侵删', 'site-footer'],
    ['本文由某某范文网整理发布', 'site-footer'],
    ['—— 完 ——', 'site-end'],
    ['喜欢就点个赞吧', 'site-call'],
    ['投稿邮箱：tougao@example.com', 'site-contact'],
  ];
  for (const [line, kind] of chrome) {
    it(`${kind}: ${line.slice(0, 40)}`, () => assert.equal(matchChrome(line, null)?.kind, kind));
  }

  it('reads bar-labelled fields as metadata', () => {
    assert.deepEqual(matchChrome('来源丨人民网　作者丨赵磊', null), {
      kind: 'site-meta',
      source: '人民网',
      author: '赵磊',
    });
    assert.equal(matchChrome('2024-03-05 10:21', null)?.publishedAt, '2024-03-05');
  });

  const content = [
    '声明：本单位承诺所报材料真实、准确、完整。',
    '推荐一批优秀典型，评选表彰先进集体和先进个人。',
    '阅读是一种生活方式，要深入开展全民阅读活动。',
    '2024年3月5日',
    '（一）扫描二维码报名参加培训。',
    '全县共3页岩气区块完成勘探。',
    '更多的是要靠我们自己去干、去闯。',
    '请登录省教育厅网站（网址：www.jyt.example.cn）查询。',
    '剩余部分由县财政承担。',
    '三、织密安全网',
    '本文件由三部分组成，请各单位认真学习。',
    '联系邮箱：zhangsan@example.gov.cn',
    '完善联系群众制度，健全帮扶机制。',
    '各位代表：',
    '同志们：',
  ];
  for (const line of content) {
    it(`keeps content: ${line}`, () => assert.equal(matchChrome(line, null), null));
  }

  it('knows a site name with a footer year, and the comment sections that follow a body', () => {
    assert.ok(isSiteName('卷宗范文网 2025'));
    assert.ok(isSiteName('© 2019-2025 某某范文网'));
    assert.ok(isSiteName('问知社区'));
    assert.ok(!isSiteName('政府工作报告'));
    for (const header of ['精选留言', '全部评论（12）', '评论 3', '其他5条回答', '▼ 热门评论 ▼'])
      assert.ok(isCommentsHeader(header), header);
    for (const line of ['评论员文章要写出深度', '留言板']) assert.ok(!isCommentsHeader(line), line);
  });
});

describe('the comment section under a body, and a floated 目录', () => {
  const body = [
    '关于进一步加强安全生产工作的通知',
    '各乡镇人民政府，县政府各部门：',
    '为认真贯彻落实上级关于安全生产工作的决策部署，切实防范化解重大安全风险，坚决遏制重特大事故发生，现就有关事项通知如下。',
    '一、压实安全责任',
    '各地各部门要严格落实党政同责、一岗双责、齐抓共管、失职追责，把安全生产责任落实到岗位、落实到人头。',
    '二、深化隐患排查',
    '要聚焦重点行业领域，深入开展隐患排查整治，建立问题清单，明确整改时限，确保隐患动态清零、闭环管理。',
    'XX县人民政府办公室',
    '2024年3月5日',
  ];

  it('cuts the replies under a comment header, sentences and all, and keeps the document’s close', () => {
    const page = [...body, '精选留言', '李文静　江苏　5月12日', '写得真好，收藏学习了！', '作者回复：谢谢支持'];
    const [doc] = parseFile(page.join('\n')).documents;
    assert.ok(doc);
    const text = documentText(doc);
    for (const line of ['写得真好', '作者回复', '精选留言']) assert.ok(!text.includes(line), line);
    assert.ok(doc.removed.some((r) => r.rule === 'site-comments' && r.text === '写得真好，收藏学习了！'));
    assert.ok(text.includes('确保隐患动态清零、闭环管理。'));
  });

  it('cuts a reply that follows a poster’s line and date under the body', () => {
    const page = [...body, '王海 发表于 2024-3-6 10:21', '感谢分享，学习了！'];
    const [doc] = parseFile(page.join('\n')).documents;
    assert.ok(doc && !documentText(doc).includes('感谢分享'));
  });

  it('keeps a document’s own last sentences that no comment header precedes', () => {
    const page = [...body.slice(0, 7), '以上通知，请认真贯彻执行！', '联系人：张某某，电话：0000-1234567。'];
    const text = documentText(parseFile(page.join('\n')).documents[0]!);
    assert.ok(text.includes('以上通知，请认真贯彻执行！') && text.includes('联系人：张某某'));
  });

  it('removes a 目录 of the document’s own headings and keeps the headings', () => {
    const page = [body[0]!, '目录', '一、压实安全责任', '二、深化隐患排查', ...body.slice(1)];
    const [doc] = parseFile(page.join('\n')).documents;
    assert.ok(doc);
    assert.deepEqual(
      doc.outline.map((o) => o.text),
      ['一、压实安全责任', '二、深化隐患排查'],
    );
    assert.equal(doc.removed.filter((r) => r.rule === 'site-toc').length, 3);
  });

  it('keeps a 目录 line whose items name nothing further down', () => {
    const page = [body[0]!, ...body.slice(1, 3), '目录', '县城区道路改造', '老旧小区提升', ...body.slice(3)];
    const text = documentText(parseFile(page.join('\n')).documents[0]!);
    assert.ok(text.includes('县城区道路改造') && text.includes('老旧小区提升'));
  });
});
