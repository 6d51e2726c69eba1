// The one table of UI strings, zh-CN first, for the map page, the plugins page and the plugins' panels.
// Layer, field and legend titles come from the layer descriptors; a panel adds its own strings with addStrings.
const table = {
  zh: {
    appTitle: '社区发展治理平台 · 分布图', user: '用户名', password: '密码', signIn: '登录', signOut: '退出', adminPage: '插件与报告', editReason: '变更原因（必填）',
    date: '日期', layers: '图层', filterSearch: '筛选与搜索', community: '社区', allCommunities: '全部社区和村',
    search: '搜索', searchHint: '按名称搜索', noResults: '未找到', measure: '测量', distance: '距离', area: '面积', clear: '清除',
    export: '导出', download: '下载', print: '打印', open: '打开', statistics: '社区统计', count: '数量', areaM2: '面积（m²）',
    lengthM: '长度（m）', outside: '辖区外', total: '合计', editSites: '项目点位编辑', drawSite: '新建点位', reshape: '修改形状',
    save: '保存', cancel: '取消', siteName: '点位名称', setStatus: '变更状态', asOf: '截至', temporalNote: '随日期变化的图层按所选日期绘制',
    signedInAs: '已登录', dated: '（按日期）', loginFailed: '登录失败', loading: '加载中…', featuresLoaded: '已加载要素', clickToPick: '点击地图上的项目点位',
    drawHint: '在地图上绘制点位范围，双击结束', saved: '已保存', rejected: '未通过校验', needName: '请输入点位名称', pickFirst: '请先选择点位',
    panelFailed: '面板加载失败',
    groups: { base: '基础地理', jurisdiction: '行政区划', housing: '住宅', commerce: '商业', facilities: '公服配套', planning: '规划建设', benchmark: '基准测试' },
  },
  en: {
    appTitle: 'Community Development Platform · Maps', user: 'User', password: 'Password', signIn: 'Sign in', signOut: 'Sign out', adminPage: 'Plugins & reports', editReason: 'Reason (required)',
    date: 'Date', layers: 'Layers', filterSearch: 'Filter and search', community: 'Community', allCommunities: 'All communities and villages',
    search: 'Search', searchHint: 'Search by name', noResults: 'Nothing found', measure: 'Measure', distance: 'Distance', area: 'Area', clear: 'Clear',
    export: 'Export', download: 'Download', print: 'Print', open: 'Open', statistics: 'Statistics by community', count: 'Count', areaM2: 'Area (m²)',
    lengthM: 'Length (m)', outside: 'Outside', total: 'Total', editSites: 'Edit project sites', drawSite: 'New site', reshape: 'Reshape',
    save: 'Save', cancel: 'Cancel', siteName: 'Site name', setStatus: 'Set status', asOf: 'As of', temporalNote: 'Dated layers are drawn as of this date',
    signedInAs: 'Signed in', dated: ' (dated)', loginFailed: 'Sign-in failed', loading: 'Loading…', featuresLoaded: 'Features loaded', clickToPick: 'Click a project site on the map',
    drawHint: 'Draw the site on the map; double-click to finish', saved: 'Saved', rejected: 'Rejected', needName: 'Enter a site name', pickFirst: 'Pick a site first',
    panelFailed: 'A panel failed to load',
    groups: { base: 'Base map', jurisdiction: 'Jurisdiction', housing: 'Housing', commerce: 'Commerce', facilities: 'Public facilities', planning: 'Planning and projects', benchmark: 'Benchmark' },
  },
};

let lang = localStorage.getItem('platform.lang') === 'en' ? 'en' : 'zh';

/** The current language, 'zh' or 'en'. */
export const language = () => lang;

/** Switches the language and remembers it for both pages. */
export function setLanguage(value) {
  lang = value === 'en' ? 'en' : 'zh';
  localStorage.setItem('platform.lang', lang);
}

/** The string for `key` in the current language, else in Chinese, else the key itself. */
export const t = key => table[lang][key] ?? table.zh[key] ?? key;

/** The Chinese or English one of an object's titleZh/titleEn (or labelZh/labelEn, nameZh/nameEn). */
export const title = o => (lang === 'zh' ? o.titleZh ?? o.labelZh ?? o.nameZh : o.titleEn ?? o.labelEn ?? o.nameEn) || o.titleZh || o.labelZh || o.nameZh;

/** Adds strings under `namespace.` (a panel, a page): `{ zh: { key: text }, en: { ... } }`, English falling back to Chinese. */
export function addStrings(namespace, strings) {
  for (const l of ['zh', 'en'])
    for (const [key, value] of Object.entries(strings?.[l] ?? {})) table[l][`${namespace}.${key}`] = value;
}

// The plugins and reports page (admin.html).
addStrings('admin', {
  zh: {
    map: '← 地图', title: '插件与报告', plugins: '场景插件', id: '标识', name: '名称', version: '版本', state: '状态', reason: '原因',
    reports: '报告', year: '年度', enable: '启用', disable: '停用', running: '运行中', failed: '故障', disabled: '已停用', loaded: '已加载',
    pluginNote: '停用插件后，其接口、图层、面板和报告章节即刻隐藏，数据保留；需以管理员或模块开发者身份登录。',
    reportNote: '报告由平台记录生成，需以工作人员身份登录（登录后浏览器自动携带凭据）。',
    annual: '年度工作总结', overview: '街道总览', community: '社区分报告', anonymous: '未登录（请在地图页登录）', lang: 'English',
  },
  en: {
    map: '← Map', title: 'Plugins and reports', plugins: 'Scenario plugins', id: 'Id', name: 'Name', version: 'Version', state: 'State', reason: 'Reason',
    reports: 'Reports', year: 'Year', enable: 'Enable', disable: 'Disable', running: 'running', failed: 'failed', disabled: 'disabled', loaded: 'loaded',
    pluginNote: 'A disabled plugin\'s endpoints, layers, panels and report sections disappear at once; its data stays. Sign in as an administrator or module developer.',
    reportNote: 'Reports are generated from the platform\'s records; sign in as staff (the browser then sends the sign-in cookie).',
    annual: 'Annual work summary', overview: 'Street overview', community: 'Community report', anonymous: 'Not signed in (sign in on the map page)', lang: '中文',
  },
});
