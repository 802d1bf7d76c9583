import type { Translation } from '../../i18n/translation';

/** The administrators' page for taking the community's data out and bringing an archive in. */
export const zh = {
  archive: {
    title: '数据导出与导入',
    intro: '社区的数据属于社区。管理员可以随时把全部数据下载为一个压缩包，也可以把压缩包导入一个新建的社区。',
    exportTitle: '导出全部数据',
    exportBody:
      '压缩包里有：每张数据表一个 JSON 文件（格式见 docs/export-format.md）、居民、社团、活动、账目和决定的 CSV 表格（时间按本社区时区），以及照片和凭证的清单与校验值。',
    exportStart: '开始导出',
    exportStarting: '正在导出…',
    exportList: '最近的导出',
    none: '还没有导出过。',
    status_running: '正在写入',
    status_ready: '已完成',
    status_failed: '失败',
    progress: '{{ done }} / {{ total }} 张表，{{ rows }} 行',
    size: '{{ size }} MB',
    started: '开始于 {{ at }}',
    expires: '下载链接 {{ at }} 前有效',
    download: '下载压缩包',
    running: '大社区的数据分批写入，可以离开本页，稍后回来下载。',
    importTitle: '从压缩包导入',
    importBody:
      '导入会用压缩包里的内容替换这个社区的初始内容：居民、社团、活动、账目、会议和决定都按原样写入，编号会重新对应，账目余额不变。',
    importFreshOnly: '只有新建、还没有使用的社区可以导入。这个社区已经有：{{ problems }}。',
    problem_ledger: '账目',
    problem_activities: '活动',
    problem_issues: '议题',
    problem_meetings: '会议',
    problem_members: '其他居民',
    importFile: '选择压缩包（.zip）',
    importConfirm: '我明白：导入会替换这个社区现在的初始内容',
    importStart: '导入',
    importBusy: '正在导入…',
    imported: '导入完成：{{ rows }} 行，{{ tables }} 张表，{{ media }} 个文件。',
    forbidden: '只有社区互助会管理员可以导出和导入数据。',
  },
};

export const en: Translation<typeof zh> = {
  archive: {
    title: 'Export and import',
    intro:
      "The community's data belongs to the community. Administrators can download all of it as one archive at any time, and bring an archive into a newly created community.",
    exportTitle: 'Export everything',
    exportBody:
      "The archive holds one JSON file per table (the format is in docs/export-format.md), CSV sheets of residents, clubs, activities, the ledger and decisions (times in the community's time zone), and a list of photos and receipts with checksums.",
    exportStart: 'Start the export',
    exportStarting: 'Exporting…',
    exportList: 'Recent exports',
    none: 'No exports yet.',
    status_running: 'Being written',
    status_ready: 'Ready',
    status_failed: 'Failed',
    progress: '{{ done }} / {{ total }} tables, {{ rows }} rows',
    size: '{{ size }} MB',
    started: 'Started {{ at }}',
    expires: 'The download link works until {{ at }}',
    download: 'Download the archive',
    running: 'A large community is written in batches: you can leave this page and come back to download.',
    importTitle: 'Import an archive',
    importBody:
      "An import replaces this community's starting content with the archive's: residents, clubs, activities, the ledger, meetings and decisions are written as they were, ids are matched anew, and balances stay the same.",
    importFreshOnly: 'Only a new community that has not been used yet can take an import. This one already has: {{ problems }}.',
    problem_ledger: 'ledger entries',
    problem_activities: 'activities',
    problem_issues: 'issues',
    problem_meetings: 'meetings',
    problem_members: 'other residents',
    importFile: 'Choose the archive (.zip)',
    importConfirm: "I understand: the import replaces this community's current starting content",
    importStart: 'Import',
    importBusy: 'Importing…',
    imported: 'Imported: {{ rows }} rows, {{ tables }} tables, {{ media }} files.',
    forbidden: 'Only association administrators can export and import data.',
  },
};
