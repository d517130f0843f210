// Word lists for the demo: Chinese and English company and person names with pinyin, cities, products.
import type { Random } from "./random";

/** "恒远:hengyuan 华信:huaxin" → [["恒远", "hengyuan"], ["华信", "huaxin"]]: word lists stay readable and short. */
const pairs = (text: string): readonly [string, string][] =>
  text.split(" ").map((entry) => entry.split(":") as [string, string]);

export const INDUSTRIES = ["制造", "零售", "物流", "医药", "建筑", "IT"] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const REGIONS = ["华东", "华南", "华北", "西南", "海外"] as const;
export type Region = (typeof REGIONS)[number];

/** Cities per region with their pinyin, for names and domains. */
export const CITIES: Record<Exclude<Region, "海外">, readonly [string, string][]> = {
  华东: [
    ["上海", "sh"],
    ["杭州", "hz"],
    ["苏州", "sz"],
    ["南京", "nj"],
    ["宁波", "nb"],
    ["青岛", "qd"],
  ],
  华南: [
    ["深圳", "shenzhen"],
    ["广州", "gz"],
    ["东莞", "dg"],
    ["厦门", "xm"],
    ["佛山", "fs"],
  ],
  华北: [
    ["北京", "bj"],
    ["天津", "tj"],
    ["石家庄", "sjz"],
    ["太原", "ty"],
  ],
  西南: [
    ["成都", "cd"],
    ["重庆", "cq"],
    ["昆明", "km"],
    ["贵阳", "gy"],
  ],
};

/** Invented brand words (two characters) with pinyin: none is a real company's name. */
export const BRANDS = pairs(
  "恒远:hengyuan 华信:huaxin 鼎盛:dingsheng 瑞丰:ruifeng 金达:jinda 宏图:hongtu 博远:boyuan 永盛:yongsheng " +
    "嘉和:jiahe 明辉:minghui 泰和:taihe 天成:tiancheng 安捷:anjie 联创:lianchuang 德润:derun 汇通:huitong 凯瑞:kairui " +
    "华美:huamei 中科:zhongke 新锐:xinrui 盛达:shengda 亿嘉:yijia 同辉:tonghui 众邦:zhongbang 海纳:haina 远航:yuanhang " +
    "国泰:guotai 腾跃:tengyue 致远:zhiyuan 益康:yikang 仁和:renhe 康泰:kangtai 百川:baichuan 飞达:feida 正通:zhengtong " +
    "宇航:yuhang 华建:huajian 中恒:zhongheng 旭日:xuri 晨光:chenguang",
);

/** What a company of each industry is called after its brand, with a short pinyin for domains. */
export const INDUSTRY_WORDS: Record<Industry, readonly [string, string][]> = {
  制造: [
    ["精密机械", "jm"],
    ["机电设备", "jd"],
    ["模具", "mould"],
    ["自动化设备", "auto"],
    ["五金制品", "hw"],
  ],
  零售: [
    ["商贸", "trade"],
    ["百货", "store"],
    ["连锁超市", "mart"],
    ["电子商务", "ec"],
  ],
  物流: [
    ["物流", "logistics"],
    ["供应链管理", "scm"],
    ["国际货运", "freight"],
    ["冷链物流", "coldchain"],
  ],
  医药: [
    ["医药", "pharma"],
    ["生物科技", "bio"],
    ["医疗器械", "med"],
    ["制药", "pharm"],
  ],
  建筑: [
    ["建设工程", "build"],
    ["建筑装饰", "deco"],
    ["建材", "jc"],
    ["市政工程", "sz"],
  ],
  IT: [
    ["信息技术", "it"],
    ["软件", "soft"],
    ["网络科技", "net"],
    ["数据服务", "data"],
  ],
};

export const ENGLISH_FIRST = [
  "Northwind",
  "Blue Harbor",
  "Pacific Crest",
  "Silverline",
  "Evergreen",
  "Redwood",
  "Oakridge",
  "Brightwater",
  "Summit",
  "Ironbridge",
  "Clearview",
  "Westgate",
  "Lakeshore",
  "Granite Peak",
  "Harborview",
  "Sunrise",
] as const;
export const ENGLISH_INDUSTRY: Record<Industry, readonly string[]> = {
  制造: ["Precision Parts", "Machinery", "Industrial"],
  零售: ["Trading", "Retail Group", "Stores"],
  物流: ["Logistics", "Freight", "Shipping"],
  医药: ["Medical", "Pharma", "Life Sciences"],
  建筑: ["Construction", "Building Materials", "Engineering"],
  IT: ["Software", "Systems", "Data"],
};
export const ENGLISH_SUFFIX = ["Ltd", "Inc.", "GmbH", "Pte. Ltd.", "LLC", "B.V."] as const;

export const SURNAMES = pairs(
  "王:wang 李:li 张:zhang 刘:liu 陈:chen 杨:yang 黄:huang 赵:zhao 周:zhou 吴:wu 徐:xu 孙:sun 马:ma 朱:zhu 胡:hu " +
    "郭:guo 何:he 林:lin 高:gao 罗:luo",
);
export const GIVEN_NAMES = pairs(
  "伟:wei 芳:fang 娜:na 敏:min 静:jing 丽:li 强:qiang 磊:lei 军:jun 洋:yang 勇:yong 艳:yan 杰:jie 涛:tao 明:ming " +
    "超:chao 秀英:xiuying 霞:xia 建华:jianhua 晓东:xiaodong 志强:zhiqiang 海燕:haiyan 婷:ting 宇:yu 浩然:haoran " +
    "雪:xue",
);
export const ENGLISH_GIVEN = ["Kevin", "Lisa", "David", "Emma", "Michael", "Sophie", "Daniel", "Grace", "Tom", "Anna"];
export const ENGLISH_SURNAMES = ["Smith", "Müller", "Johnson", "Tanaka", "Brown", "Garcia", "Wilson", "Kim", "Dubois"];

/** What Demo Trading Co. sells, by the industries that buy it most. */
export const PRODUCTS: Record<Industry, readonly string[]> = {
  制造: ["工业阀门", "轴承", "传感器", "液压件", "劳保用品"],
  零售: ["包装材料", "货架", "收银设备", "劳保用品"],
  物流: ["冷链箱", "托盘", "包装材料", "传感器"],
  医药: ["冷链箱", "实验耗材", "洁净包装", "传感器"],
  建筑: ["钢材配件", "工业阀门", "劳保用品", "液压件"],
  IT: ["服务器", "网络设备", "办公设备", "传感器"],
};

export interface PersonName {
  name: string;
  /** Pieces for an address: given and family name in pinyin or English, lower-case ASCII. */
  given: string;
  family: string;
}

export function chinesePerson(random: Random): PersonName {
  const [s, sp] = random.pick(SURNAMES);
  const [g, gp] = random.pick(GIVEN_NAMES);
  return { name: `${s}${g}`, given: gp, family: sp };
}

export function englishPerson(random: Random): PersonName {
  const given = random.pick(ENGLISH_GIVEN);
  const family = random.pick(ENGLISH_SURNAMES);
  return { name: `${given} ${family}`, given: given.toLowerCase(), family: ascii(family) };
}

/** Chinese colleagues often also use an English given name: "Kevin Zhang" with a Chinese family name. */
export function mixedPerson(random: Random): PersonName {
  const [, sp] = random.pick(SURNAMES);
  const given = random.pick(ENGLISH_GIVEN);
  return { name: `${given} ${sp[0]!.toUpperCase()}${sp.slice(1)}`, given: given.toLowerCase(), family: sp };
}

/** Lower-case ASCII for an address: ü → u, spaces and punctuation dropped. */
export const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
