// UI strings in both languages; layer, field and legend titles come from the layer descriptors.
export const strings = {
  zh: {
    appTitle: '社区发展治理平台 · 分布图', user: '用户名', password: '密码', signIn: '登录', signOut: '退出', adminPage: '插件与报告', editReason: '变更原因（必填）',
    date: '日期', layers: '图层', filterSearch: '筛选与搜索', community: '社区', allCommunities: '全部社区和村',
    search: '搜索', searchHint: '按名称搜索', noResults: '未找到', measure: '测量', distance: '距离', area: '面积', clear: '清除',
    export: '导出', download: '下载', print: '打印', open: '打开', statistics: '社区统计', coverage: '生活圈覆盖（服务场景）', siting: '设施选址（服务场景）', count: '数量', areaM2: '面积（m²）',
    lengthM: '长度（m）', outside: '辖区外', total: '合计', editSites: '项目点位编辑', drawSite: '新建点位', reshape: '修改形状',
    save: '保存', cancel: '取消', siteName: '点位名称', setStatus: '变更状态', stPlanned: '拟建', stApproved: '立项',
    stBuilding: '在建', stCompleted: '建成', stCancelled: '撤销', asOf: '截至', temporalNote: '随日期变化的图层按所选日期绘制',
    signedInAs: '已登录', dated: '（按日期）', loginFailed: '登录失败', loading: '加载中…', featuresLoaded: '已加载要素', clickToPick: '点击地图上的项目点位',
    drawHint: '在地图上绘制点位范围，双击结束', saved: '已保存', rejected: '未通过校验', needName: '请输入点位名称', pickFirst: '请先选择点位',
    groups: { base: '基础地理', jurisdiction: '行政区划', housing: '住宅', commerce: '商业', facilities: '公服配套', planning: '规划建设', benchmark: '基准测试', service: '服务场景', ecological: '生态场景', smart: '智慧场景', vitality: '活力场景' },
  },
  en: {
    appTitle: 'Community Development Platform · Maps', user: 'User', password: 'Password', signIn: 'Sign in', signOut: 'Sign out', adminPage: 'Plugins & reports', editReason: 'Reason (required)',
    date: 'Date', layers: 'Layers', filterSearch: 'Filter and search', community: 'Community', allCommunities: 'All communities and villages',
    search: 'Search', searchHint: 'Search by name', noResults: 'Nothing found', measure: 'Measure', distance: 'Distance', area: 'Area', clear: 'Clear',
    export: 'Export', download: 'Download', print: 'Print', open: 'Open', statistics: 'Statistics by community', coverage: 'Life-circle coverage (service scene)', siting: 'Siting a facility (service scene)', count: 'Count', areaM2: 'Area (m²)',
    lengthM: 'Length (m)', outside: 'Outside', total: 'Total', editSites: 'Edit project sites', drawSite: 'New site', reshape: 'Reshape',
    save: 'Save', cancel: 'Cancel', siteName: 'Site name', setStatus: 'Set status', stPlanned: 'Proposed', stApproved: 'Approved',
    stBuilding: 'Under construction', stCompleted: 'Completed', stCancelled: 'Cancelled', asOf: 'As of', temporalNote: 'Dated layers are drawn as of this date',
    signedInAs: 'Signed in', dated: ' (dated)', loginFailed: 'Sign-in failed', loading: 'Loading…', featuresLoaded: 'Features loaded', clickToPick: 'Click a project site on the map',
    drawHint: 'Draw the site on the map; double-click to finish', saved: 'Saved', rejected: 'Rejected', needName: 'Enter a site name', pickFirst: 'Pick a site first',
    groups: { base: 'Base map', jurisdiction: 'Jurisdiction', housing: 'Housing', commerce: 'Commerce', facilities: 'Public facilities', planning: 'Planning and projects', benchmark: 'Benchmark', service: 'Service scene', ecological: 'Ecological scene', smart: 'Smart scene', vitality: 'Vitality scene' },
  },
};
