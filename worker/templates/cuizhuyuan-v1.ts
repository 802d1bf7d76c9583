import type { ModelTemplate } from './model-template';

/** 翠竹园模式, version 1: the model as practised by the mutual-aid association of 翠竹园, Nanjing. */
export const cuizhuyuanV1: ModelTemplate = {
  key: 'cuizhuyuan',
  version: 1,
  name: { zh: '翠竹园模式', en: 'The Cuizhuyuan model' },
  contactsPerBuilding: 2,
  programs: [
    {
      key: 'library',
      name: { zh: '明志书屋', en: 'Mingzhi Community Library' },
      description: {
        zh: '小区里的公共图书馆，书籍来自居民捐赠，由志愿者馆员轮流值班，负责借还登记和日常整理，让读书成为邻里见面的理由。',
        en: 'A public library inside the estate, stocked with books residents donate and staffed by volunteer librarians on a duty roster who handle lending, returns and upkeep.',
      },
    },
    {
      key: 'charity-shop',
      name: { zh: '彩虹屋', en: 'Rainbow House charity shop' },
      description: {
        zh: '接收居民捐赠的闲置物品并平价出售，收入全部用于社区公益；每两个月办一次跳蚤市场，账目公开。',
        en: 'Sells goods that residents donate at modest prices and puts every yuan of the proceeds into community causes; a flea market runs every two months and the accounts are public.',
      },
    },
    {
      key: 'university',
      name: { zh: '社区大学', en: 'Community University' },
      description: {
        zh: '面向各年龄段的终身学习课程，老师就是身边有专长的居民，按学期开课、报名，学费分摊。',
        en: 'Lifelong-learning courses for every age, taught by residents with something to share, run in terms with enrolment and shared fees.',
      },
    },
    {
      key: 'kids-troupe',
      name: { zh: '无敌少儿团', en: 'Invincible Kids Troupe' },
      description: {
        zh: '由家长组织的寒暑假儿童活动，家长轮流担任组织者，孩子们在邻里之间结伴成长。',
        en: 'Holiday activities for children organised by their parents, who take turns leading so that children grow up with friends next door.',
      },
    },
    {
      key: 'little-architects',
      name: { zh: '小小建筑师', en: 'Little Architects' },
      description: {
        zh: '面向儿童的建筑与美学教育，以真实的社区空间为题目，例如重新设计一处闲置的露台。',
        en: 'Architecture and aesthetics education for children, built around real places in the community, such as redesigning a disused terrace.',
      },
    },
    {
      key: 'sports',
      name: { zh: '社区体育健身俱乐部', en: 'Community Sports and Fitness Clubs' },
      description: {
        zh: '覆盖各年龄段的运动健身社团，从最初的网球俱乐部发展而来，活动定期举行，费用AA分摊并略有结余。',
        en: 'Sports and fitness clubs for every age, grown from the original tennis club; they meet regularly and share costs with a small surplus.',
      },
    },
    {
      key: 'salon',
      name: { zh: '社区沙龙', en: 'Community Salon' },
      description: {
        zh: '定期举办的文化交流晚会，邻居们轮流主讲自己的行业、旅行或爱好，让不同背景的居民彼此认识。',
        en: 'Regular evenings of cultural exchange where neighbours take turns to talk about their work, travels or passions, so residents of different backgrounds get to know each other.',
      },
    },
    {
      key: 'community-helps-community',
      name: { zh: '社区帮扶社区计划', en: 'Community Helps Community' },
      description: {
        zh: '与较贫困的社区结成长期对子，例如与贵州一个村庄签订十年帮扶约定，隔年互访，持续捐助。',
        en: 'A long-term partnership with a poorer community, such as a ten-year pact with a village in Guizhou, with visits every other year and continuing support.',
      },
    },
    {
      key: 'elder-care',
      name: { zh: '居家养老计划', en: 'Home-based Elder Care' },
      description: {
        zh: '由中青年志愿者上门陪伴和帮助居家老人，记录服务时长，让老人在熟悉的邻里中安度晚年。',
        en: 'Young and middle-aged volunteers visit and help elderly residents at home, with their hours logged, so older neighbours can age among people they know.',
      },
    },
  ],
  parties: [
    {
      key: 'residents-committee',
      title: { zh: '居委会', en: "Residents' committee" },
      remit: {
        zh: '把握方向，牵头社区公共事务，连接街道和政府资源。',
        en: 'Steers the direction, leads on public affairs and connects the community with the sub-district and government.',
      },
    },
    {
      key: 'owners-committee',
      title: { zh: '业委会', en: "Owners' committee" },
      remit: {
        zh: '代表全体业主，监督物业服务，避免只惠及少数人的项目。',
        en: 'Represents all owners, supervises the property company and guards against projects that benefit only a few.',
      },
    },
    {
      key: 'property-company',
      title: { zh: '物业', en: 'Property company' },
      remit: {
        zh: '提供物业服务，职责边界清晰，支持业委会的工作。',
        en: "Provides property services within a clear remit and supports the owners' committee.",
      },
    },
    {
      key: 'association',
      title: { zh: '互助会', en: 'Mutual-aid association' },
      remit: {
        zh: '把居民需求转化为活动，搭建互助平台，发现和培养社区领袖。',
        en: 'Turns residents’ needs into activities, builds the mutual-aid platform and finds and develops community leaders.',
      },
    },
  ],
  bodies: [
    {
      key: 'joint-meeting',
      level: 1,
      name: { zh: '多方联席会议', en: 'Multi-party joint meeting' },
      description: {
        zh: '四方负责人每月一次共商社区重大、紧急和疑难事项：个别酝酿、共同协商、民主表决，全体同意方可实施，对外一个声音。',
        en: 'The heads of the four parties meet monthly on major, urgent and difficult matters: individual preparation, joint consultation, then a vote; an item goes ahead only when all agree, and it is announced with one voice.',
      },
      decisionRule: 'unanimity',
      cadence: 'monthly',
      parties: ['residents-committee', 'owners-committee', 'property-company', 'association'],
    },
    {
      key: 'professional-committees',
      level: 2,
      name: { zh: '社区专业委员会', en: 'Professional committees' },
      description: {
        zh: '由有专业背景的居民和外部志愿者组成，负责提议、监督和协助；常设委员会应对长期需求，临时小组应对短期事项。',
        en: 'Residents with professional backgrounds and outside volunteers who propose, supervise and assist; standing committees for lasting needs, ad hoc groups for passing ones.',
      },
      decisionRule: 'majority',
      cadence: null,
      parties: [],
    },
    {
      key: 'building-groups',
      level: 3,
      name: { zh: '小区单元楼群', en: 'Building groups' },
      description: {
        zh: '每栋楼至少两名志愿联络人，与网格员一起维护楼栋群，收集居民议题向上传递，并把决定带回楼栋解释清楚。',
        en: 'Every building has at least two volunteer contacts who run its group chat with the grid worker, carry residents’ issues up and bring decisions back down with an explanation.',
      },
      decisionRule: null,
      cadence: null,
      parties: [],
    },
    {
      key: 'federation',
      level: 4,
      name: { zh: '社区社群联合会', en: 'Federation of community groups' },
      description: {
        zh: '由所有社团负责人组成，促进社团合作，统筹公共空间的使用和运营，策划联合活动，并向专业委员会输送人才。',
        en: 'The leaders of all resident groups: they foster cooperation, coordinate the use of shared space, plan joint activities and bring leaders into the committees.',
      },
      decisionRule: 'majority',
      cadence: null,
      parties: [],
    },
  ],
  canvas: [
    { key: 'core-resources', section: 'system', title: { zh: '核心资源', en: 'Core resources' } },
    { key: 'people-served', section: 'system', title: { zh: '服务对象', en: 'People served' } },
    { key: 'key-businesses', section: 'system', title: { zh: '关键业务', en: 'Key activities' } },
    { key: 'funding-sources', section: 'system', title: { zh: '资金来源', en: 'Funding sources' } },
  ],
};
