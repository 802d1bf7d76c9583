import type { Translation } from '../../i18n/translation';

/** The model canvas. */
export const zh = {
  canvas: {
    title: '社区互助参与营造画布',
    intro: '四个系统和九个功能模块。回答每一格里的引导问题，就能看清社区的资源、服务对象、业务和资金从哪里来。',
    modules: '九个功能模块',
    empty: '尚未填写',
    edit: '填写',
    save: '保存',
    cancel: '取消',
  },
};

export const en: Translation<typeof zh> = {
  canvas: {
    title: 'Community participation canvas',
    intro:
      'Four systems and nine function modules. Answer the guiding questions in each box to see the community’s resources, the people it serves, its activities and where its money comes from.',
    modules: 'Nine function modules',
    empty: 'Not filled in yet',
    edit: 'Fill in',
    save: 'Save',
    cancel: 'Cancel',
  },
};
