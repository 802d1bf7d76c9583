/** The invented words of a year: activity titles and places per program, cost lines, review notes, skills and availability. */
import type { ProgramKey } from './plan';

export const activityTitles: Record<ProgramKey | 'hub', string[]> = {
  sports: ['周末双打友谊赛', '新手入门教学', '晨练打卡日', '亲子趣味运动会', '小区环湖慢跑', '乒乓球邻里赛'],
  library: ['绘本故事会', '读书分享会', '捐书日', '馆员上岗培训', '亲子共读夜'],
  university: ['智能手机入门课', '书法体验课', '烘焙课：桂花糕', '防诈骗讲座', '国画小班课'],
  'kids-troupe': ['暑期手工营', '自然观察小队', '小小志愿者日', '儿童跳蚤市场', '科学实验课'],
  'little-architects': ['小小建筑师：测绘天台', '纸板城市搭建', '社区微改造设计课'],
  salon: ['邻里电影夜', '中秋茶话会', '摄影作品分享', '合唱排练汇报', '围棋入门讲座'],
  'charity-shop': ['彩虹屋跳蚤市场', '旧衣物义卖', '闲置玩具交换'],
  'community-helps-community': ['结对村捐书打包', '助学义卖', '探访准备会'],
  'elder-care': ['为长者义剪', '陪老人体检', '独居老人探访日', '长者生日会'],
  hub: ['互助会开放日', '新居民见面会', '楼栋联络人交流会', '社团负责人联席交流'],
};
export const places: Record<ProgramKey | 'hub', string[]> = {
  sports: ['小区网球场', '中心花园', '会所羽毛球馆', '乒乓球室'],
  library: ['明志书屋', '居委会活动室'],
  university: ['多功能厅', '会所教室'],
  'kids-troupe': ['多功能厅', '中心花园', '儿童活动室'],
  'little-architects': ['会所教室', '屋顶天台'],
  salon: ['多功能厅', '会所茶室'],
  'charity-shop': ['彩虹屋', '中心广场'],
  'community-helps-community': ['多功能厅'],
  'elder-care': ['居家上门', '社区卫生服务站', '居委会活动室'],
  hub: ['多功能厅', '居委会活动室'],
};
export const costLabels = ['场地灯光费', '物料', '茶水点心', '讲师交通补贴', '保险', '打印和横幅'];
export const reviewNotes: [string, string][] = [
  ['报名和签到顺利，新面孔不少。', '下次提前一周发通知。'],
  ['老队员带新人，气氛很好。', '茶水准备多了，按报名人数备。'],
  ['孩子们很投入，家长主动帮忙。', '需要多一位安全员。'],
  ['结余按预算留在社团基金。', '场地要提前确认灯光。'],
];
export const skills = ['急救', '摄影', '理发', '电脑维修', '儿童看护', '书法', '烹饪', '法律咨询', '驾车接送'];
export const availability = ['周末上午', '工作日晚上', '周末全天', '工作日白天'];
