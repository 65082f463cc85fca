/**
 * Closed word classes used to delimit speaker noun phrases, in analysis-view form (أ إ آ -> ا, ة -> ه, ى -> ي,
 * ئ ؤ -> ي و). Kept as data in code because they are small, closed, and read together with the rules that use them.
 */

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Words that end a speaker noun phrase: prepositions, complementizers, relatives, particles, adverbs, days. */
export const NP_STOP = set(`
  في من عن الي علي مع خلال امام عبر بعد قبل منذ حول لدي عند بين ضد نحو حتي دون بشان بسبب اثناء عقب اثر وسط
  ان انه انها انهم انهما انني اننا بان بانه بانها لان كان كانت قد لقد الذي التي الذين اللذان اللتان اللذين اللتين
  ما لا لم لن ثم او بل حيث كما اذ اذا هذا هذه ذلك تلك هو هي هم هما ايضا كذلك امس اليوم الان موخرا علنا بدوره
  بدورها جانبه جانبها السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه صباح مساء يوم ليله الليله غدا
  عباره بعيد قبيل منتصف ليل فجر ظهر عصر فيما بينما حين حينما عندما لما اذ ريثما لكن ولكن لكنه لكنها انذاك حينها حينذاك وقتها وقتذاك سابقا لاحقا مجددا كذلك ثانيه صراحه مباشره
`);

/** Heads of person descriptions: an appositive name may follow (قال الرئيس التنفيذي للشركة، جون ماتزي). */
export const TITLE_HEADS = set(`
  رييس رييسه نايب نايبه وزير وزيره متحدث متحدثه ناطق ناطقه مدير مديره حاكم مسوول مسووله مصدر مصادر سفير سفيره
  امين قايد زعيم عضو مدعي مدعيه مستشار مستشاره محافظ خبير خبيره محلل ممثل ممثله مبعوث مندوب قاضي زوجه زوج
  ناشط ناشطه محامي محاميه معارض سناتور سيناتور سنتاتور نايب برلماني مرشح مرشحه مواطن مواطنه لاجي ضابط جندي
  ملك امير ولي شيخ مفتي رياسه وكيل نقيب عميد مساعد مسوولون مسوولين شهود شاهد طبيب استاذ باحث مراسل مصادر
`);

/** Generic heads that stay outside an organisation's name (GUIDELINES: شركة، مجلة، صحيفة، وكالة …). */
export const GENERIC_HEADS = set(`شركه مجموعه منظمه حركه مجله صحيفه وكاله موقع قناه شبكه جريده`);

/** Documents that speak for their author (ذكر تقرير نشرته مجلة Forbes، بيان للمجلس): the author is the speaker. */
export const DOCUMENT_HEADS = set(`تقرير بيان رساله دراسه تغريده مقال افتتاحيه تصريح تصريحات مذكره وثيقه`);

/** Nouns right before a quotation that make it a name or title (صحيفة "…"، فيلم "…"، بملف "…"). */
export const TERM_HEADS = set(`
  شركه مجموعه منظمه حركه مجله صحيفه جريده وكاله موقع قناه شبكه فيلم مسلسل برنامج كتاب روايه اغنيه مسرحيه
  عمليه حمله وسم هاشتاغ هاشتاج شعار مبادره مشروع مرفا محطه ميناء سهم ماده ملف تطبيق منصه حساب جايزه موتمر
  منتدي مهرجان معرض لقب اسم تنظيم جماعه جمعيه حزب فندق مطعم مركز مجمع مستشفي جامعه مدرسه نادي فريق صفحه
  قانون اتفاقيه اتفاق طيران معمل مختبر مصنع جهاز هاتف سياره لعبه شاشه اذاعه قاموس معجم ديوان قصيده كتابه مجلد فيديو تلفزيون صفقه خطه عقيده رحله سفينه طايره صاروخ نظام مصطلح كلمه تسميه وصف
`);

/** Audiences after a speech verb, not part of the speaker (قال للصحافيين، لوكالة …). */
export const AUDIENCE = set(`صحافيين صحفيين صحافه مستخدمين وكاله صحيفه قناه شبكه تلفزيون اذاعه موقع جريده مجله راديو`);

/** Heads of descriptions that refer back to someone already named (المسؤول الأممي، حاكم البنك، الوزير). */
export const ANAPHORIC_HEADS = set(`مسوول مسووله وزير وزيره سفير دبلوماسي خبير مبعوث رييس رييسه حاكم زعيم قايد`);

/** Honorifics before a name: they stay outside the speaker mention (الدكتور فواز العلمي -> فواز العلمي). */
export const HONORIFICS = set(`دكتور مهندس سيد سيده شيخ استاذ لواء عميد فريق عقيد مقدم رايد حاخام قس اب الاب`);
