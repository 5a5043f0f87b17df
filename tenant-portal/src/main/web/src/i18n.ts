// The back office's words in Chinese (zh-CN) and English: the browser's language unless the user chose one.

const en = {
  appName: 'Atelier back office',
  signOut: 'Sign out',
  chooseChain: 'Choose a chain',
  chooseChainHelp: 'You work for several chains. Which one now?',
  noChain: 'Your account is not on the staff of any chain.',
  language: '中文',
  frontDesk: 'Front desk',
  myDiary: 'My diary',
  location: 'Salon',
  day: 'Day',
  week: 'Week',
  today: 'Today',
  previous: 'Previous',
  next: 'Next',
  loading: 'Loading…',
  role_OWNER: 'Owner',
  role_MANAGER: 'Manager',
  role_RECEPTIONIST: 'Receptionist',
  role_STYLIST: 'Stylist',
  status_HELD: 'Held',
  status_PENDING_PAYMENT: 'Awaiting payment',
  status_CONFIRMED: 'Confirmed',
  status_CHECKED_IN: 'Checked in',
  status_COMPLETED: 'Completed',
  status_NO_SHOW: 'No-show',
  status_CANCELLED: 'Cancelled',
  status_EXPIRED: 'Expired',
  guest: 'Guest',
  booking: 'Booking',
  customer: 'Client',
  when: 'When',
  services: 'Services',
  price: 'Price',
  note: 'Note',
  close: 'Close',
  checkIn: 'Check in',
  complete: 'Complete',
  noShow: 'No-show',
  cancel: 'Cancel booking',
  cancelWithFee: 'Cancel with the late fee',
  moved: 'The booking was moved.',
  moveRefused: 'The booking could not be moved: %s',
  stepRefused: 'That did not work: %s',
  legend: 'Status colours',
  nothingToday: 'No stylists work at this salon.',
  platformTitle: 'Platform tenants',
  failed: 'Something went wrong: %s',
};

type Words = typeof en;

const zh: Words = {
  appName: 'Atelier 门店后台',
  signOut: '退出登录',
  chooseChain: '选择连锁品牌',
  chooseChainHelp: '您在多个连锁品牌任职，现在要管理哪一个？',
  noChain: '您的账号不属于任何连锁品牌的员工。',
  language: 'English',
  frontDesk: '前台',
  myDiary: '我的日程',
  location: '门店',
  day: '日',
  week: '周',
  today: '今天',
  previous: '上一页',
  next: '下一页',
  loading: '加载中…',
  role_OWNER: '店主',
  role_MANAGER: '经理',
  role_RECEPTIONIST: '前台',
  role_STYLIST: '发型师',
  status_HELD: '保留中',
  status_PENDING_PAYMENT: '待付款',
  status_CONFIRMED: '已确认',
  status_CHECKED_IN: '已到店',
  status_COMPLETED: '已完成',
  status_NO_SHOW: '未到店',
  status_CANCELLED: '已取消',
  status_EXPIRED: '已过期',
  guest: '散客',
  booking: '预约',
  customer: '顾客',
  when: '时间',
  services: '服务项目',
  price: '价格',
  note: '备注',
  close: '关闭',
  checkIn: '签到',
  complete: '完成',
  noShow: '标记未到店',
  cancel: '取消预约',
  cancelWithFee: '取消并收取迟取消费',
  moved: '预约已改期。',
  moveRefused: '无法改期：%s',
  stepRefused: '操作未成功：%s',
  legend: '状态颜色',
  nothingToday: '此门店没有发型师。',
  platformTitle: '平台租户',
  failed: '出错了：%s',
};

export type Language = 'zh-CN' | 'en';
export type Key = keyof Words;

const CHOSEN = 'atelier.language';

/** The language chosen before, else the browser's first that we speak, else English. */
export function initialLanguage(): Language {
  const chosen = localStorage.getItem(CHOSEN);
  if (chosen === 'zh-CN' || chosen === 'en') {
    return chosen;
  }
  return navigator.languages.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export function remember(language: Language): void {
  localStorage.setItem(CHOSEN, language);
}

/** The words of {@code language}, with %s filled in. */
export function words(language: Language): (key: Key, value?: string) => string {
  const table = language === 'zh-CN' ? zh : en;
  return (key, value) => (value === undefined ? table[key] : table[key].replace('%s', value));
}
