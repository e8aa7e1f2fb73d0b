//! The finite sets of the GI data in English (provinces, prefecture-level cities, categories,
//! GI types) and the authority that published a product's announcement: shared so that the
//! browser shows them and the server can check them. Only sure translations are here: the
//! official pinyin (or customary) names of provinces and of cities ending in 市; autonomous
//! prefectures, leagues and counties have none and are shown in Chinese.

use serde::{Deserialize, Serialize};

/// Who published the announcement that protects a product, read from the announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum GiAuthority {
    /// 国家知识产权局 (since 2018).
    Cnipa,
    /// 原国家质量监督检验检疫总局 (2005–2018 approvals).
    Aqsiq,
    /// 原国家工商行政管理总局商标局 (GI trademarks).
    SaicTrademarkOffice,
    /// The China–EU agreement on geographical indications (signed by both governments).
    ChinaEuAgreement,
}

impl GiAuthority {
    /// The authority of an announcement as the data writes it, e.g. 国家知识产权局公告第640号（2025年）.
    pub fn of_announcement(announcement: &str) -> Option<GiAuthority> {
        let main = announcement.split('；').next().unwrap_or("");
        if main.starts_with("国家知识产权局") {
            Some(GiAuthority::Cnipa)
        } else if main.starts_with("国家质检总局") {
            Some(GiAuthority::Aqsiq)
        } else if main.starts_with("国家工商总局商标局") {
            Some(GiAuthority::SaicTrademarkOffice)
        } else if main.starts_with("《中欧地理标志协定》") {
            Some(GiAuthority::ChinaEuAgreement)
        } else {
            None
        }
    }
}

/// The English name of a value of the data's finite sets, if there is a sure one.
pub fn english(value: &str) -> Option<&'static str> {
    [PROVINCES, CATEGORIES, GI_TYPES]
        .iter()
        .find_map(|table| table.iter().find(|(zh, _)| *zh == value).map(|(_, en)| *en))
        .or_else(|| {
            CITIES
                .binary_search_by(|(zh, _)| (*zh).cmp(value))
                .ok()
                .map(|i| CITIES[i].1)
        })
}

const PROVINCES: &[(&str, &str)] = &[
    ("北京市", "Beijing"),
    ("天津市", "Tianjin"),
    ("河北省", "Hebei"),
    ("山西省", "Shanxi"),
    ("内蒙古自治区", "Inner Mongolia"),
    ("辽宁省", "Liaoning"),
    ("吉林省", "Jilin"),
    ("黑龙江省", "Heilongjiang"),
    ("上海市", "Shanghai"),
    ("江苏省", "Jiangsu"),
    ("浙江省", "Zhejiang"),
    ("安徽省", "Anhui"),
    ("福建省", "Fujian"),
    ("江西省", "Jiangxi"),
    ("山东省", "Shandong"),
    ("河南省", "Henan"),
    ("湖北省", "Hubei"),
    ("湖南省", "Hunan"),
    ("广东省", "Guangdong"),
    ("广西壮族自治区", "Guangxi"),
    ("海南省", "Hainan"),
    ("重庆市", "Chongqing"),
    ("四川省", "Sichuan"),
    ("贵州省", "Guizhou"),
    ("云南省", "Yunnan"),
    ("西藏自治区", "Tibet"),
    ("陕西省", "Shaanxi"),
    ("甘肃省", "Gansu"),
    ("青海省", "Qinghai"),
    ("宁夏回族自治区", "Ningxia"),
    ("新疆维吾尔自治区", "Xinjiang"),
];

const CATEGORIES: &[(&str, &str)] = &[
    ("粮油", "Grain and oils"),
    ("茶叶", "Tea"),
    ("酒类", "Alcoholic drinks"),
    ("水果", "Fruit"),
    ("干果坚果", "Dried fruit and nuts"),
    ("蔬菜", "Vegetables"),
    ("水产", "Aquatic products"),
    ("畜禽", "Livestock and poultry"),
    ("中药材", "Chinese medicinal materials"),
    ("食用菌", "Edible fungi"),
    ("工艺品", "Handicrafts"),
    ("调味品", "Condiments"),
    ("加工食品", "Processed food"),
    ("蜂产品", "Bee products"),
    ("花卉", "Flowers"),
    ("饮品", "Drinks"),
    ("其他", "Other"),
];

const GI_TYPES: &[(&str, &str)] = &[
    ("地理标志保护产品", "GI-protected product"),
    ("地理标志商标", "GI trademark"),
    ("地理标志证明商标", "GI certification mark"),
    ("农产品地理标志", "Agricultural product GI"),
    ("中欧地理标志协定保护名录", "China–EU GI Agreement list"),
    (
        "中欧“10+10”地理标志互认互保试点",
        "China–EU “10+10” GI mutual protection pilot",
    ),
];

/// Prefecture-level cities of the data, sorted for a binary search.
const CITIES: &[(&str, &str)] = &[
    ("七台河市", "Qitaihe"),
    ("万宁市", "Wanning"),
    ("三亚市", "Sanya"),
    ("三明市", "Sanming"),
    ("三门峡市", "Sanmenxia"),
    ("上饶市", "Shangrao"),
    ("东方市", "Dongfang"),
    ("东莞市", "Dongguan"),
    ("东营市", "Dongying"),
    ("中卫市", "Zhongwei"),
    ("中山市", "Zhongshan"),
    ("临汾市", "Linfen"),
    ("临沂市", "Linyi"),
    ("临沧市", "Lincang"),
    ("丹东市", "Dandong"),
    ("丽水市", "Lishui"),
    ("丽江市", "Lijiang"),
    ("乌兰察布市", "Ulanqab"),
    ("乌海市", "Wuhai"),
    ("乌鲁木齐市", "Ürümqi"),
    ("乐山市", "Leshan"),
    ("九江市", "Jiujiang"),
    ("云浮市", "Yunfu"),
    ("五指山市", "Wuzhishan"),
    ("亳州市", "Bozhou"),
    ("伊春市", "Yichun"),
    ("佛山市", "Foshan"),
    ("佳木斯市", "Jiamusi"),
    ("保定市", "Baoding"),
    ("保山市", "Baoshan"),
    ("信阳市", "Xinyang"),
    ("儋州市", "Danzhou"),
    ("克拉玛依市", "Karamay"),
    ("六安市", "Lu'an"),
    ("六盘水市", "Liupanshui"),
    ("兰州市", "Lanzhou"),
    ("内江市", "Neijiang"),
    ("包头市", "Baotou"),
    ("北海市", "Beihai"),
    ("十堰市", "Shiyan"),
    ("南京市", "Nanjing"),
    ("南充市", "Nanchong"),
    ("南宁市", "Nanning"),
    ("南平市", "Nanping"),
    ("南昌市", "Nanchang"),
    ("南通市", "Nantong"),
    ("南阳市", "Nanyang"),
    ("双鸭山市", "Shuangyashan"),
    ("台州市", "Taizhou"),
    ("合肥市", "Hefei"),
    ("吉安市", "Ji'an"),
    ("吉林市", "Jilin"),
    ("吐鲁番市", "Turpan"),
    ("吕梁市", "Lüliang"),
    ("吴忠市", "Wuzhong"),
    ("周口市", "Zhoukou"),
    ("呼伦贝尔市", "Hulunbuir"),
    ("呼和浩特市", "Hohhot"),
    ("咸宁市", "Xianning"),
    ("咸阳市", "Xianyang"),
    ("哈密市", "Hami"),
    ("哈尔滨市", "Harbin"),
    ("唐山市", "Tangshan"),
    ("商丘市", "Shangqiu"),
    ("商洛市", "Shangluo"),
    ("嘉兴市", "Jiaxing"),
    ("嘉峪关市", "Jiayuguan"),
    ("四平市", "Siping"),
    ("固原市", "Guyuan"),
    ("大同市", "Datong"),
    ("大庆市", "Daqing"),
    ("大连市", "Dalian"),
    ("天水市", "Tianshui"),
    ("天门市", "Tianmen"),
    ("太原市", "Taiyuan"),
    ("威海市", "Weihai"),
    ("娄底市", "Loudi"),
    ("孝感市", "Xiaogan"),
    ("宁德市", "Ningde"),
    ("宁波市", "Ningbo"),
    ("安庆市", "Anqing"),
    ("安康市", "Ankang"),
    ("安阳市", "Anyang"),
    ("安顺市", "Anshun"),
    ("定西市", "Dingxi"),
    ("宜宾市", "Yibin"),
    ("宜昌市", "Yichang"),
    ("宜春市", "Yichun"),
    ("宝鸡市", "Baoji"),
    ("宣城市", "Xuancheng"),
    ("宿州市", "Suzhou"),
    ("宿迁市", "Suqian"),
    ("山南市", "Shannan"),
    ("岳阳市", "Yueyang"),
    ("崇左市", "Chongzuo"),
    ("巴中市", "Bazhong"),
    ("巴彦淖尔市", "Bayannur"),
    ("常州市", "Changzhou"),
    ("常德市", "Changde"),
    ("平凉市", "Pingliang"),
    ("平顶山市", "Pingdingshan"),
    ("广元市", "Guangyuan"),
    ("广安市", "Guang'an"),
    ("广州市", "Guangzhou"),
    ("庆阳市", "Qingyang"),
    ("廊坊市", "Langfang"),
    ("延安市", "Yan'an"),
    ("张家口市", "Zhangjiakou"),
    ("张家界市", "Zhangjiajie"),
    ("张掖市", "Zhangye"),
    ("徐州市", "Xuzhou"),
    ("德州市", "Dezhou"),
    ("德阳市", "Deyang"),
    ("忻州市", "Xinzhou"),
    ("怀化市", "Huaihua"),
    ("惠州市", "Huizhou"),
    ("成都市", "Chengdu"),
    ("扬州市", "Yangzhou"),
    ("承德市", "Chengde"),
    ("抚州市", "Fuzhou"),
    ("抚顺市", "Fushun"),
    ("拉萨市", "Lhasa"),
    ("揭阳市", "Jieyang"),
    ("攀枝花市", "Panzhihua"),
    ("文昌市", "Wenchang"),
    ("新乡市", "Xinxiang"),
    ("新余市", "Xinyu"),
    ("无锡市", "Wuxi"),
    ("日喀则市", "Shigatse"),
    ("日照市", "Rizhao"),
    ("昆明市", "Kunming"),
    ("昌都市", "Qamdo"),
    ("昭通市", "Zhaotong"),
    ("晋中市", "Jinzhong"),
    ("晋城市", "Jincheng"),
    ("普洱市", "Pu'er"),
    ("景德镇市", "Jingdezhen"),
    ("曲靖市", "Qujing"),
    ("朔州市", "Shuozhou"),
    ("朝阳市", "Chaoyang"),
    ("本溪市", "Benxi"),
    ("来宾市", "Laibin"),
    ("杭州市", "Hangzhou"),
    ("松原市", "Songyuan"),
    ("林芝市", "Nyingchi"),
    ("枣庄市", "Zaozhuang"),
    ("柳州市", "Liuzhou"),
    ("株洲市", "Zhuzhou"),
    ("桂林市", "Guilin"),
    ("梅州市", "Meizhou"),
    ("梧州市", "Wuzhou"),
    ("榆林市", "Yulin"),
    ("武威市", "Wuwei"),
    ("武汉市", "Wuhan"),
    ("毕节市", "Bijie"),
    ("永州市", "Yongzhou"),
    ("汉中市", "Hanzhong"),
    ("汕头市", "Shantou"),
    ("汕尾市", "Shanwei"),
    ("江门市", "Jiangmen"),
    ("池州市", "Chizhou"),
    ("沈阳市", "Shenyang"),
    ("沧州市", "Cangzhou"),
    ("河池市", "Hechi"),
    ("河源市", "Heyuan"),
    ("泉州市", "Quanzhou"),
    ("泰安市", "Tai'an"),
    ("泰州市", "Taizhou"),
    ("泸州市", "Luzhou"),
    ("洛阳市", "Luoyang"),
    ("济南市", "Jinan"),
    ("济宁市", "Jining"),
    ("济源市", "Jiyuan"),
    ("海东市", "Haidong"),
    ("海口市", "Haikou"),
    ("淄博市", "Zibo"),
    ("淮北市", "Huaibei"),
    ("淮南市", "Huainan"),
    ("淮安市", "Huai'an"),
    ("深圳市", "Shenzhen"),
    ("清远市", "Qingyuan"),
    ("温州市", "Wenzhou"),
    ("渭南市", "Weinan"),
    ("湖州市", "Huzhou"),
    ("湘潭市", "Xiangtan"),
    ("湛江市", "Zhanjiang"),
    ("滁州市", "Chuzhou"),
    ("滨州市", "Binzhou"),
    ("漯河市", "Luohe"),
    ("漳州市", "Zhangzhou"),
    ("潍坊市", "Weifang"),
    ("潜江市", "Qianjiang"),
    ("潮州市", "Chaozhou"),
    ("濮阳市", "Puyang"),
    ("烟台市", "Yantai"),
    ("焦作市", "Jiaozuo"),
    ("牡丹江市", "Mudanjiang"),
    ("玉林市", "Yulin"),
    ("玉溪市", "Yuxi"),
    ("珠海市", "Zhuhai"),
    ("琼海市", "Qionghai"),
    ("白城市", "Baicheng"),
    ("白山市", "Baishan"),
    ("白银市", "Baiyin"),
    ("百色市", "Baise"),
    ("益阳市", "Yiyang"),
    ("盐城市", "Yancheng"),
    ("盘锦市", "Panjin"),
    ("眉山市", "Meishan"),
    ("石嘴山市", "Shizuishan"),
    ("石家庄市", "Shijiazhuang"),
    ("石河子市", "Shihezi"),
    ("福州市", "Fuzhou"),
    ("秦皇岛市", "Qinhuangdao"),
    ("绍兴市", "Shaoxing"),
    ("绥化市", "Suihua"),
    ("绵阳市", "Mianyang"),
    ("聊城市", "Liaocheng"),
    ("肇庆市", "Zhaoqing"),
    ("自贡市", "Zigong"),
    ("舟山市", "Zhoushan"),
    ("芜湖市", "Wuhu"),
    ("苏州市", "Suzhou"),
    ("茂名市", "Maoming"),
    ("荆州市", "Jingzhou"),
    ("荆门市", "Jingmen"),
    ("莆田市", "Putian"),
    ("菏泽市", "Heze"),
    ("萍乡市", "Pingxiang"),
    ("营口市", "Yingkou"),
    ("葫芦岛市", "Huludao"),
    ("蚌埠市", "Bengbu"),
    ("衡水市", "Hengshui"),
    ("衡阳市", "Hengyang"),
    ("衢州市", "Quzhou"),
    ("襄阳市", "Xiangyang"),
    ("西宁市", "Xining"),
    ("西安市", "Xi'an"),
    ("许昌市", "Xuchang"),
    ("贵港市", "Guigang"),
    ("贵阳市", "Guiyang"),
    ("贺州市", "Hezhou"),
    ("资阳市", "Ziyang"),
    ("赣州市", "Ganzhou"),
    ("赤峰市", "Chifeng"),
    ("辽源市", "Liaoyuan"),
    ("辽阳市", "Liaoyang"),
    ("达州市", "Dazhou"),
    ("运城市", "Yuncheng"),
    ("连云港市", "Lianyungang"),
    ("通化市", "Tonghua"),
    ("通辽市", "Tongliao"),
    ("遂宁市", "Suining"),
    ("遵义市", "Zunyi"),
    ("邢台市", "Xingtai"),
    ("那曲市", "Nagqu"),
    ("邯郸市", "Handan"),
    ("邵阳市", "Shaoyang"),
    ("郑州市", "Zhengzhou"),
    ("郴州市", "Chenzhou"),
    ("鄂尔多斯市", "Ordos"),
    ("鄂州市", "Ezhou"),
    ("酒泉市", "Jiuquan"),
    ("金华市", "Jinhua"),
    ("金昌市", "Jinchang"),
    ("钦州市", "Qinzhou"),
    ("铁岭市", "Tieling"),
    ("铁门关市", "Tiemenguan"),
    ("铜仁市", "Tongren"),
    ("铜川市", "Tongchuan"),
    ("铜陵市", "Tongling"),
    ("银川市", "Yinchuan"),
    ("锦州市", "Jinzhou"),
    ("镇江市", "Zhenjiang"),
    ("长春市", "Changchun"),
    ("长沙市", "Changsha"),
    ("长治市", "Changzhi"),
    ("阜新市", "Fuxin"),
    ("阜阳市", "Fuyang"),
    ("防城港市", "Fangchenggang"),
    ("阳江市", "Yangjiang"),
    ("阳泉市", "Yangquan"),
    ("阿拉尔市", "Aral"),
    ("陇南市", "Longnan"),
    ("随州市", "Suizhou"),
    ("雅安市", "Ya'an"),
    ("青岛市", "Qingdao"),
    ("鞍山市", "Anshan"),
    ("韶关市", "Shaoguan"),
    ("马鞍山市", "Ma'anshan"),
    ("驻马店市", "Zhumadian"),
    ("鸡西市", "Jixi"),
    ("鹤壁市", "Hebi"),
    ("鹤岗市", "Hegang"),
    ("鹰潭市", "Yingtan"),
    ("黄冈市", "Huanggang"),
    ("黄山市", "Huangshan"),
    ("黄石市", "Huangshi"),
    ("黑河市", "Heihe"),
    ("齐齐哈尔市", "Qiqihar"),
    ("龙岩市", "Longyan"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cities_are_sorted_for_the_binary_search() {
        assert!(CITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn finite_sets_have_their_english_names_and_places_without_one_have_none() {
        assert_eq!(english("江苏省"), Some("Jiangsu"));
        assert_eq!(english("南通市"), Some("Nantong"));
        assert_eq!(english("长治市"), Some("Changzhi"));
        assert_eq!(english("水果"), Some("Fruit"));
        assert_eq!(english("地理标志保护产品"), Some("GI-protected product"));
        assert_eq!(english("延边朝鲜族自治州"), None);
        assert_eq!(english("启东"), None);
    }

    #[test]
    fn the_authority_comes_from_the_main_announcement() {
        let of = GiAuthority::of_announcement;
        assert_eq!(
            of("国家知识产权局公告第640号（2025年）"),
            Some(GiAuthority::Cnipa)
        );
        assert_eq!(
            of("国家质检总局公告2012年第37号；另见国家知识产权局公告第640号（2025年）"),
            Some(GiAuthority::Aqsiq)
        );
        assert_eq!(
            of("中欧“10+10”地理标志互保试点产品清单（2011年确定）"),
            None
        );
    }
}
