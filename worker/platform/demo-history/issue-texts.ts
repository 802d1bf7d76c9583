/** The issues residents raise (what, what was decided, who carries it out) and the reasons parties give to block or object. */

export interface IssueTemplate {
  title: string;
  category: 'property-service' | 'safety' | 'environment' | 'activities' | 'facilities' | 'other';
  description: string;
  decision: string;
  owner: string;
  direct: string;
}
export const issueTemplates: IssueTemplate[] = [
  {
    title: '楼道电动车充电有隐患',
    category: 'safety',
    description: '有人把电动车推进楼道充电，晚上插线板发热，担心起火。',
    decision: '在地面车棚加装集中充电桩，物业每周巡查楼道。',
    owner: '物业',
    direct: '物业已张贴通知并清理楼道。',
  },
  {
    title: '地下车库照明不足',
    category: 'safety',
    description: '车库 B 区一半灯不亮，老人和孩子容易摔倒。',
    decision: '物业两周内更换灯具并加装感应灯。',
    owner: '物业',
    direct: '物业已更换坏灯。',
  },
  {
    title: '垃圾分类投放点太远',
    category: 'environment',
    description: '北侧几栋楼离投放点要走五分钟，常有人乱放。',
    decision: '在北门增设一处定时投放点，志愿者轮值引导。',
    owner: '居委会',
    direct: '已与保洁商量增加清运频次。',
  },
  {
    title: '儿童游乐设施老化',
    category: 'facilities',
    description: '滑梯有裂缝，秋千链条生锈。',
    decision: '使用公共收益更换儿童设施，业委会监督采购。',
    owner: '业委会',
    direct: '物业已先拆除有裂缝的滑梯。',
  },
  {
    title: '广场舞音量扰民',
    category: 'activities',
    description: '晚上八点后音乐声太大，影响孩子写作业。',
    decision: '晚八点半后停止音乐，音量由联合会约定并张贴。',
    owner: '社群联合会',
    direct: '联络人与舞队协商，已调低音量。',
  },
  {
    title: '小区东门夜间无人值守',
    category: 'safety',
    description: '东门晚上十点后没有保安，外来车辆随意进出。',
    decision: '东门夜间改为刷卡通行，物业增加一次巡逻。',
    owner: '物业',
    direct: '物业已恢复夜间巡逻。',
  },
  {
    title: '绿地被占用种菜',
    category: 'environment',
    description: '几处公共绿地被圈起来种菜。',
    decision: '清退私人菜地，开辟一块公共“邻里菜园”按户认领。',
    owner: '业委会',
    direct: '联络人上门沟通，菜地已清理。',
  },
  {
    title: '公共活动室预约冲突',
    category: 'activities',
    description: '周六上午好几个社团都想用多功能厅。',
    decision: '周末时段按季度由联合会统一排期。',
    owner: '社群联合会',
    direct: '已协调错开时间。',
  },
  {
    title: '电梯经常故障',
    category: 'facilities',
    description: '5 号楼电梯一个月停了三次，老人上下楼困难。',
    decision: '物业更换维保单位，维修记录每月公示。',
    owner: '物业',
    direct: '维保单位已更换控制板。',
  },
  {
    title: '快递堆放在大堂',
    category: 'property-service',
    description: '快递员把包裹堆在大堂，经常丢件。',
    decision: '在南门设智能快递柜，大堂不再堆放。',
    owner: '物业',
    direct: '物业已联系快递站统一配送。',
  },
  {
    title: '雨后路面积水',
    category: 'facilities',
    description: '中心路一下雨就积水，老人绕行不便。',
    decision: '物业疏通雨水管，业委会动用维修资金改造路面。',
    owner: '业委会',
    direct: '物业已疏通堵塞的雨水口。',
  },
  {
    title: '宠物粪便无人清理',
    category: 'environment',
    description: '草坪上常有狗粪，孩子们不敢去玩。',
    decision: '设置宠物便袋箱，文明养宠公约在楼栋群发布。',
    owner: '居委会',
    direct: '联络人在楼栋群发了倡议。',
  },
  {
    title: '希望开设老年助餐点',
    category: 'other',
    description: '独居老人做饭困难，希望小区里能有助餐点。',
    decision: '与街道助餐点合作，志愿者每天送餐上门。',
    owner: '互助会',
    direct: '已把需要送餐的老人名单交给街道。',
  },
  {
    title: '高空抛物',
    category: 'safety',
    description: '6 号楼下经常掉下烟头和果皮。',
    decision: '加装高空抛物监控，联络人逐户宣传。',
    owner: '物业',
    direct: '联络人逐户提醒，情况好转。',
  },
];
export const blockReasons = [
  '费用分摊方案还没有征求全体业主意见',
  '施工时间和消防通道冲突',
  '维修资金的使用程序还没走完',
  '位置离住户太近，需要另选',
];
export const objectReasons = ['受益面太小', '预算偏高'];
