/* crm-demo.c
 *
 * Copyright 2026 The Deals authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "crm-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "crm-demo.h"
#include "crm-pipeline.h"
#include "crm-procedure.h"
#include "crm-product.h"
#include "crm-quote.h"
#include "crm-quote-template.h"
#include "crm-stage.h"
#include "crm-store.h"
#include "crm-store-private.h"

/* Demo data: what a newcomer sees on first start (--demo) and what the
 * benchmark measures against. It is written straight through prepared
 * statements in one transaction, so 100,000 deals take seconds, not the
 * minutes a save per deal through the deal card's path would. */

typedef struct
{
  const char * const *people;
  const char * const *companies;
  const char * const *cities;
  const char * const *positions;
  const char * const *next_steps;
  const char * const *subjects;
  const char         *phone_prefix;   /* E.164 prefix of a mobile range */
  const char         *email_domain;
  guint               phone_digits;   /* digits after the prefix */
  const char         *organization;   /* AXL-7: {company} of the opening line */
  const char         *language;       /* of the demo's quotes */
} DemoLocale;

/* The product masters of each procedure (TW-5), named in the three
 * languages, priced in the department's currency with the lowest price a
 * rep may quote; the cheapest active one is also the lower bound a rep
 * may name on a call (CON-4). */
typedef struct
{
  const char     *procedure;
  const char     *code;
  const char     *name;
  const char     *name_he;
  const char     *name_ru;
  gint64          price;         /* minor units */
  gint64          floor_price;
  guint           vat_rate;      /* basis points */
  CrmProductKind  kind;
} DemoProduct;

#define HW CRM_PRODUCT_HARDWARE
#define SW CRM_PRODUCT_SOFTWARE
#define LIC CRM_PRODUCT_LICENCE
#define SRV CRM_PRODUCT_SERVICE

static const DemoProduct demo_products[] = {
  /* TW: attendance clocks, software modules, licences and the work. */
  { "tw", "TW-CLK-BIO", "Biometric attendance clock", "שעון נוכחות ביומטרי",
    "Биометрический терминал учёта времени", 189000, 165000, 1800, HW },
  { "tw", "TW-CLK-RFID", "RFID attendance clock", "שעון נוכחות RFID",
    "Терминал учёта времени RFID", 129000, 110000, 1800, HW },
  { "tw", "TW-CLK-FACE", "Face recognition clock", "שעון נוכחות בזיהוי פנים",
    "Терминал с распознаванием лиц", 249000, 220000, 1800, HW },
  { "tw", "TW-MOD-REP", "Reports module", "מודול דוחות", "Модуль отчётов", 120000, 100000, 1800, SW },
  { "tw", "TW-MOD-PAY", "Payroll export module", "מודול ממשק שכר", "Модуль выгрузки в зарплату",
    150000, 130000, 1800, SW },
  { "tw", "TW-MOD-AGR", "Agreements module", "מודול הסכמים", "Модуль соглашений", 240000, 200000, 1800, SW },
  { "tw", "TW-MOD-SHIFT", "Shift planning module", "מודול סידור משמרות", "Модуль планирования смен",
    180000, 150000, 1800, SW },
  { "tw", "TW-LIC-EMP", "Annual licence, per employee", "רישיון שנתי לעובד", "Годовая лицензия на сотрудника",
    4800, 3600, 1800, LIC },
  { "tw", "TW-SRV-INST", "Clock installation", "התקנת שעון", "Установка терминала", 45000, 35000, 1800, SRV },
  { "tw", "TW-SRV-TRAIN", "Customer training, 3 hours", "הדרכת לקוח, 3 שעות", "Обучение клиента, 3 часа",
    60000, 50000, 1800, SRV },
  /* RAD: bimetal radiators by sections, valves and what goes with them. */
  { "rad", "RAD-BM500-06", "Bimetal radiator 500 mm, 6 sections", "רדיאטור בימטאלי 500 מ״מ, 6 חוליות",
    "Радиатор биметаллический 500 мм, 6 секций", 774000, 690000, 2200, HW },
  { "rad", "RAD-BM500-08", "Bimetal radiator 500 mm, 8 sections", "רדיאטור בימטאלי 500 מ״מ, 8 חוליות",
    "Радиатор биметаллический 500 мм, 8 секций", 1032000, 920000, 2200, HW },
  { "rad", "RAD-BM500-10", "Bimetal radiator 500 mm, 10 sections", "רדיאטור בימטאלי 500 מ״מ, 10 חוליות",
    "Радиатор биметаллический 500 мм, 10 секций", 1290000, 1150000, 2200, HW },
  { "rad", "RAD-BM500-12", "Bimetal radiator 500 mm, 12 sections", "רדיאטור בימטאלי 500 מ״מ, 12 חוליות",
    "Радиатор биметаллический 500 мм, 12 секций", 1548000, 1380000, 2200, HW },
  { "rad", "RAD-VLV-ANG", "Angled radiator valve 1/2\"", "ברז זוויתי לרדיאטור 1/2\"",
    "Клапан радиаторный угловой 1/2\"", 89000, 75000, 2200, HW },
  { "rad", "RAD-VLV-STR", "Straight radiator valve 1/2\"", "ברז ישר לרדיאטור 1/2\"",
    "Клапан радиаторный прямой 1/2\"", 82000, 70000, 2200, HW },
  { "rad", "RAD-THERM", "Thermostatic head", "ראש תרמוסטטי", "Термостатическая головка", 195000, 165000, 2200, HW },
  { "rad", "RAD-BRK", "Wall bracket set", "סט תושבות קיר", "Комплект настенных кронштейнов", 35000, 28000, 2200, HW },
  { "rad", "RAD-PAINT", "Touch-up paint, white RAL 9016", "צבע תיקונים, לבן RAL 9016",
    "Краска для подкраски, белая RAL 9016", 45000, 38000, 2200, CRM_PRODUCT_OTHER },
  { "rad", "RAD-SRV-DLV", "Delivery within the city", "משלוח בתוך העיר", "Доставка по городу",
    150000, 100000, 2200, SRV },
  /* AXL: sites, support and the CMS licence. */
  { "axl", "AXL-LAND", "Landing page", "דף נחיתה", "Лендинг", 6000000, 5000000, 2200, SRV },
  { "axl", "AXL-SHOP", "Online shop", "חנות מקוונת", "Интернет-магазин", 25000000, 21000000, 2200, SRV },
  { "axl", "AXL-CORP", "Corporate website", "אתר תדמית", "Корпоративный сайт", 15000000, 12500000, 2200, SRV },
  { "axl", "AXL-SUP-M", "Site support, a month", "תמיכה באתר, חודש", "Поддержка сайта, месяц",
    1500000, 1200000, 2200, SRV },
  { "axl", "AXL-CMS", "CMS licence, one site", "רישיון CMS לאתר אחד", "Лицензия CMS на один сайт",
    2200000, 2200000, 2200, LIC },
  /* CON: the consultancy's services. */
  { "con", "CON-AUDIT", "Express audit", "ביקורת מהירה", "Экспресс-аудит", 4500000, 4000000, 2200, SRV },
  { "con", "CON-DEAL", "Deal support", "ליווי עסקה", "Сопровождение сделки", 12000000, 10000000, 2200, SRV },
  { "con", "CON-HOUR", "Consultation, an hour", "ייעוץ, שעה", "Консультация, час", 1500000, 1200000, 2200, SRV },
  /* HS: packages and onboarding. */
  { "hs", "HS-PKG-BASE", "Basic package, a year", "חבילת בסיס, שנה", "Базовый пакет, год", 49000, 42000, 1800, LIC },
  { "hs", "HS-PKG-EXT", "Extended package, a year", "חבילה מורחבת, שנה", "Расширенный пакет, год",
    99000, 85000, 1800, LIC },
  { "hs", "HS-SRV-ONB", "Onboarding and training", "הטמעה והדרכה", "Внедрение и обучение", 150000, 120000, 1800, SRV },
};

#undef HW
#undef SW
#undef LIC
#undef SRV

/* One quote template per procedure (TW-5); AXL's offers the site two ways
 * as two variants of one quote (AXL-9). Template names are data the
 * department typed, in its language. */
typedef struct
{
  const char                *procedure;
  const char                *name;
  const CrmDemoTemplateLine *lines;
  guint                      n_lines;
} DemoTemplate;

static const CrmDemoTemplateLine tw_template[] = {
  { NULL, "TW-CLK-BIO", 1000, 0 }, { NULL, "TW-MOD-REP", 1000, 0 }, { NULL, "TW-LIC-EMP", 25000, 0 },
  { NULL, "TW-SRV-INST", 1000, 0 }, { NULL, "TW-SRV-TRAIN", 1000, 0 },
};
static const CrmDemoTemplateLine rad_template[] = {
  { NULL, "RAD-BM500-10", 5000, 0 }, { NULL, "RAD-VLV-ANG", 5000, 0 }, { NULL, "RAD-THERM", 5000, 500 },
  { NULL, "RAD-BRK", 5000, 0 }, { NULL, "RAD-SRV-DLV", 1000, 0 },
};
static const CrmDemoTemplateLine axl_template[] = {
  { "Basic", "AXL-CORP", 1000, 0 }, { "Basic", "AXL-CMS", 1000, 0 }, { "Basic", "AXL-SUP-M", 3000, 0 },
  { "Extended", "AXL-SHOP", 1000, 0 }, { "Extended", "AXL-CMS", 1000, 0 }, { "Extended", "AXL-SUP-M", 6000, 1000 },
};
static const CrmDemoTemplateLine con_template[] = {
  { NULL, "CON-AUDIT", 1000, 0 }, { NULL, "CON-DEAL", 1000, 0 },
};
static const CrmDemoTemplateLine hs_template[] = {
  { NULL, "HS-PKG-BASE", 1000, 0 }, { NULL, "HS-SRV-ONB", 1000, 0 },
};

static const DemoTemplate demo_templates[] = {
  { "tw", "שעון ביומטרי עם דוחות", tw_template, G_N_ELEMENTS (tw_template) },
  { "rad", "Квартира: 5 радиаторов с клапанами", rad_template, G_N_ELEMENTS (rad_template) },
  { "axl", "Сайт: базовый или расширенный", axl_template, G_N_ELEMENTS (axl_template) },
  { "con", "Аудит и сопровождение", con_template, G_N_ELEMENTS (con_template) },
  { "hs", "חבילת בסיס עם הטמעה", hs_template, G_N_ELEMENTS (hs_template) },
};

static const char * const il_people[] = {
  "דנה לוי", "יוסי כהן", "מיכל אברהם", "אבי מזרחי", "נועה פרץ", "רון ביטון",
  "Tamar Friedman", "שירה דהן", "עומר אגבריה", "Daniel Katz", "ליאת שפירא", "איתי גבאי",
  NULL
};
static const char * const il_companies[] = {
  "אלקטרה מערכות", "גולן טכנולוגיות", "שטראוס לוגיסטיקה", "מאפיית השרון", "Orbit Systems",
  "קבוצת אשטרום", "פז שירותים", "Negev Solar", "בית דפוס הגליל", "מלונות כרמל",
  "רשת סופר יודה", "TechHub Herzliya", "עיריית חדרה", "מוסך האחים", NULL
};
static const char * const il_cities[] = {
  "תל אביב", "חיפה", "ירושלים", "באר שבע", "הרצליה", "פתח תקווה", "Netanya", NULL
};
static const char * const il_positions[] = {
  "מנכ״ל", "מנהלת משאבי אנוש", "סמנכ״ל כספים", "Office manager", "מנהל תפעול", NULL
};

static const char * const ru_people[] = {
  "Анна Смирнова", "Игорь Петров", "Ольга Кузнецова", "Дмитрий Соколов", "Мария Попова",
  "Сергей Лебедев", "Elena Novak", "Алексей Морозов", "Татьяна Волкова", "Павел Фёдоров",
  NULL
};
static const char * const ru_companies[] = {
  "ООО «ТеплоСтрой»", "АкваЛайн", "ИП Королёв", "Радиатор-Центр", "ГК «Вектор»",
  "Студия «Пиксель»", "ЗАО «СеверЭнерго»", "Baltic Pools", "ТД «Уют»", "Кафе «Берёзка»",
  NULL
};
static const char * const ru_cities[] = {
  "Москва", "Санкт-Петербург", "Казань", "Екатеринбург", "Новосибирск", "Сочи", NULL
};
static const char * const ru_positions[] = {
  "Генеральный директор", "Главный инженер", "Менеджер по закупкам", "Бухгалтер", NULL
};

/* Demo deals are data a department typed, so they are in its language
 * (not translated with the interface, as a real database would not be). */
static const char * const il_next_steps[] = {
  "לחזור אליו לגבי ההצעה", "לשלוח מחירון", "לתאם הדגמה", "לאשר מועד התקנה",
  "לבקש את החוזה החתום", "לבדוק שהתשלום התקבל", "Send the quote in English", NULL
};
static const char * const il_subjects[] = {
  "רישיון שנתי", "חידוש מנוי", "סניף חדש", "שדרוג שעונים", "פיילוט", "מודול הסכמים", NULL
};
static const char * const ru_next_steps[] = {
  "Перезвонить по КП", "Отправить прайс-лист", "Назначить встречу", "Согласовать дату доставки",
  "Запросить подписанный договор", "Проверить поступление оплаты", NULL
};
static const char * const ru_subjects[] = {
  "Радиаторы на объект", "Поставка оборудования", "Годовой договор", "Сайт под ключ",
  "Пилотный проект", "Обслуживание", NULL
};

static const DemoLocale il_locale = {
  il_people, il_companies, il_cities, il_positions, il_next_steps, il_subjects, "+97250", "example.co.il", 7,
  "דילס מערכות בע״מ", "he"
};
static const DemoLocale ru_locale = {
  ru_people, ru_companies, ru_cities, ru_positions, ru_next_steps, ru_subjects, "+7916", "example.ru", 7,
  "ООО «Сделки»", "ru"
};

static const char *
pick (GRand              *rand,
      const char * const *list)
{
  return list[g_rand_int_range (rand, 0, g_strv_length ((char **)list))];
}

static gint64
insert_company (CrmStore          *store,
                GRand             *rand,
                const DemoLocale  *locale,
                guint              index,
                const char        *now,
                GError           **error)
{
  g_autofree char *name = NULL;
  const char *base = locale->companies[index % g_strv_length ((char **)locale->companies)];

  /* Past the list's length, branches keep names distinct for search. */
  if (index < g_strv_length ((char **)locale->companies))
    name = g_strdup (base);
  else
    name = g_strdup_printf ("%s %u", base, index);

  return _crm_store_demo_add_company (store, name, pick (rand, locale->cities), now, error);
}

static gint64
insert_contact (CrmStore          *store,
                GRand             *rand,
                const DemoLocale  *locale,
                gint64             company_id,
                const char        *lifecycle,
                const char        *now,
                GError           **error)
{
  g_autofree char *number = NULL;
  CrmDemoContact contact = {
    .company_id = company_id,
    .lifecycle = lifecycle,
    .email_domain = locale->email_domain,
    .created_at = now,
  };

  /* Drawn in this order, so that a seed gives the same people as ever. */
  contact.name = pick (rand, locale->people);
  contact.position = pick (rand, locale->positions);
  number = g_strdup_printf ("%s%0*u", locale->phone_prefix, locale->phone_digits,
                            g_rand_int_range (rand, 1000000, 9999999));
  contact.phone = number;

  return _crm_store_demo_add_contact (store, &contact, error);
}

static gboolean
insert_products (CrmStore      *store,
                 CrmProcedure  *procedure,
                 const char    *now,
                 GError       **error)
{
  const char *id = crm_procedure_get_id (procedure);

  for (guint i = 0; i < G_N_ELEMENTS (demo_products); i++)
    {
      const DemoProduct *product = &demo_products[i];
      CrmProductInfo info = {
        .code = product->code, .name = product->name, .name_he = product->name_he, .name_ru = product->name_ru,
        .price = product->price, .floor_price = product->floor_price,
        .currency = crm_procedure_get_currency (procedure), .vat_rate = product->vat_rate,
        .kind = product->kind, .active = TRUE,
      };

      if (g_strcmp0 (product->procedure, id) == 0 && !_crm_store_demo_add_product (store, &info, now, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_templates); i++)
    {
      const DemoTemplate *template = &demo_templates[i];

      if (g_strcmp0 (template->procedure, id) == 0 &&
          !_crm_store_demo_add_template (store, template->name, template->lines, template->n_lines, now, error))
        return FALSE;
    }

  return TRUE;
}

/* Two draft quotes from the procedure's template on the deals at the top
 * of the board, so a newcomer finds a quote on a deal card. Written
 * through the store's own path, after the demo's transaction. */
static gboolean
insert_quotes (CrmStore          *store,
               const DemoLocale  *locale,
               GError           **error)
{
  g_autoptr(GListModel) templates = crm_store_get_quote_templates (store);
  g_autoptr(CrmQuoteTemplate) template = g_list_model_get_item (templates, 0);
  gint64 deal_ids[2];
  guint n_deals = _crm_store_demo_pick_open_deals (store, deal_ids, G_N_ELEMENTS (deal_ids));

  if (template == NULL)
    return TRUE;

  for (guint i = 0; i < n_deals; i++)
    {
      g_autoptr(CrmQuote) quote = crm_store_create_quote (store, deal_ids[i], crm_quote_template_get_id (template),
                                                          locale->language, error);

      if (quote == NULL)
        return FALSE;
    }

  return TRUE;
}

static const char *
lifecycle_for (CrmStage *stage)
{
  /* HS-4: an open deal makes its contact an opportunity, a won one a
   * customer, a lost one "other". */
  switch (crm_stage_get_kind (stage))
    {
    case CRM_STAGE_WON:
      return "customer";
    case CRM_STAGE_LOST:
      return "other";
    case CRM_STAGE_OPEN:
    default:
      return "opportunity";
    }
}

static gboolean
insert_deal (CrmStore          *store,
             GRand             *rand,
             const DemoLocale  *locale,
             const char        *currency,
             const char        *source,
             CrmStage          *stage,
             gint64             contact_id,
             gint64             company_id,
             gint64             owner_id,
             const char        *company_name,
             GDateTime         *now,
             GError           **error)
{
  g_autoptr(GDateTime) updated = NULL;
  g_autoptr(GDateTime) created = NULL;
  g_autofree char *title = NULL;
  g_autofree char *updated_text = NULL;
  g_autofree char *created_text = NULL;
  CrmDemoDeal deal = { 0 };
  gint64 deal_id;

  updated = g_date_time_add_minutes (now, -g_rand_int_range (rand, 5, 60 * 24 * 60));
  created = g_date_time_add_days (updated, -g_rand_int_range (rand, 0, 40));
  updated_text = g_date_time_format (updated, "%Y-%m-%dT%H:%M:%SZ");
  created_text = g_date_time_format (created, "%Y-%m-%dT%H:%M:%SZ");
  /* Round amounts, as quotes are: 1,000 to 250,000 in whole units. Drawn
   * before the title, so that a seed gives the same deals as ever. */
  deal.amount = (gint64)g_rand_int_range (rand, 1, 250) * 1000 * 100;
  title = g_strdup_printf ("%s — %s", pick (rand, locale->subjects), company_name);

  deal.title = title;
  deal.contact_id = contact_id;
  deal.company_id = company_id;
  deal.pipeline_id = crm_stage_get_pipeline_id (stage);
  deal.stage_id = crm_stage_get_id (stage);
  deal.currency = currency;
  deal.owner_id = owner_id;
  deal.source = source;
  deal.next_step = crm_stage_is_final (stage) ? NULL : pick (rand, locale->next_steps);
  deal.created_at = created_text;
  deal.updated_at = updated_text;

  deal_id = _crm_store_demo_add_deal (store, &deal, error);
  if (deal_id == 0)
    return FALSE;

  /* RAD-5: every open deal has a current task; a few are overdue, as on
   * any real Monday morning, and one deal in twenty has none. */
  if (!crm_stage_is_final (stage) && g_rand_int_range (rand, 0, 20) != 0)
    {
      g_autoptr(GDateTime) due = g_date_time_add_hours (now, g_rand_int_range (rand, -30, 7 * 24));
      g_autofree char *due_text = g_date_time_format (due, "%Y-%m-%dT%H:00:00Z");

      if (!_crm_store_demo_add_task (store, deal_id, pick (rand, locale->next_steps), due_text,
                                     owner_id, created_text, error))
        return FALSE;
    }

  return TRUE;
}

/* A manager and three reps, named in the department's language, the
 * product masters and quote templates, and the department's name for the opening line (AXL-7); the
 * summary's copy address stays unset, as a newcomer has none yet. The reps'
 * ids are appended to @reps. */
static gboolean
insert_department (CrmStore          *store,
                   const DemoLocale  *locale,
                   const char        *now_text,
                   GArray            *reps,
                   GError           **error)
{
  if (_crm_store_demo_add_user (store, locale->people[0], "manager", error) == 0 ||
      !insert_products (store, crm_store_get_procedure (store), now_text, error) ||
      !_crm_store_demo_set_organization (store, locale->organization, error))
    return FALSE;

  for (guint i = 1; i <= 3; i++)
    {
      gint64 id = _crm_store_demo_add_user (store, locale->people[i], "rep", error);

      if (id == 0)
        return FALSE;
      g_array_append_val (reps, id);
    }

  return TRUE;
}

static gboolean
populate (CrmStore          *store,
          GRand             *rand,
          const DemoLocale  *locale,
          guint              n_deals,
          GError           **error)
{
  CrmProcedure *procedure = crm_store_get_procedure (store);
  g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  g_autoptr(GListModel) stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  g_autoptr(GDateTime) now = crm_store_now (store);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GArray) reps = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_stages = g_list_model_get_n_items (stages);
  guint n_companies = MAX (1, n_deals / 3);
  gint64 first_company = 0;

  if (!insert_department (store, locale, now_text, reps, error))
    return FALSE;

  for (guint i = 0; i < n_companies; i++)
    {
      gint64 id = insert_company (store, rand, locale, i, now_text, error);

      if (id == 0)
        return FALSE;
      if (i == 0)
        first_company = id;
    }

  for (guint i = 0; i < n_deals; i++)
    {
      /* Early stages hold more deals than late ones, as on a real board. */
      guint a = g_rand_int_range (rand, 0, n_stages);
      guint b = g_rand_int_range (rand, 0, n_stages);
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, MIN (a, b));
      guint company_index = g_rand_int_range (rand, 0, n_companies);
      gint64 company_id = first_company + company_index;
      g_autofree char *company_name = NULL;
      gint64 contact_id;
      /* One of the procedure's sources, in turn (no draw, so a seed gives
       * the same deals as before): the opening line names it (AXL-7) and
       * the call panel picks its script by it. */
      guint n_sources = crm_procedure_get_n_sources (procedure);
      const char *source = n_sources > 0 ? crm_procedure_get_source (procedure, i % n_sources)->key : NULL;

      if (company_index < g_strv_length ((char **)locale->companies))
        company_name = g_strdup (locale->companies[company_index]);
      else
        company_name = g_strdup_printf ("%s %u",
                                        locale->companies[company_index % g_strv_length ((char **)locale->companies)],
                                        company_index);

      contact_id = insert_contact (store, rand, locale, company_id, lifecycle_for (stage), now_text, error);
      if (contact_id == 0 ||
          !insert_deal (store, rand, locale, crm_procedure_get_currency (procedure), source, stage,
                        contact_id, company_id,
                        g_array_index (reps, gint64, g_rand_int_range (rand, 0, reps->len)),
                        company_name, now, error))
        return FALSE;
    }

  return TRUE;
}

/* The department's language, or %NULL in @locale when the store has deals
 * already (demo data is for a fresh database). */
static gboolean
demo_locale_for (CrmStore          *store,
                 const DemoLocale **locale,
                 GError           **error)
{
  CrmProcedure *procedure = crm_store_get_procedure (store);

  *locale = NULL;
  if (procedure == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PROCEDURE,
                           _("Pick a procedure before adding demo data."));
      return FALSE;
    }

  if (crm_store_count_deals (store) == 0)
    *locale = g_strcmp0 (crm_procedure_get_country (procedure), "RU") == 0 ? &ru_locale : &il_locale;
  return TRUE;
}

/**
 * crm_demo_populate:
 * @store: a store whose procedure is installed
 * @n_deals: how many deals to create
 * @seed: the random seed, so a benchmark run can be repeated
 * @error: return location for a #GError
 *
 * Fills a fresh database with a realistic department: a manager, three reps,
 * companies, contacts with valid mobile numbers, and deals spread over the
 * first pipeline's stages. Names are Hebrew for the Israeli procedures and
 * Russian for the Russian ones, with some Latin names among them.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_demo_populate (CrmStore  *store,
                   guint      n_deals,
                   guint32    seed,
                   GError   **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  const DemoLocale *locale;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!demo_locale_for (store, &locale, error))
    return FALSE;
  if (locale == NULL)
    return TRUE;

  if (!_crm_store_begin (store, error) ||
      !_crm_store_commit_or_rollback (store, populate (store, rand, locale, n_deals, error), error))
    return FALSE;

  return crm_store_reload (store, error) && insert_quotes (store, locale, error);
}

/* Closes the array @builder holds and gives it as JSON text. */
static char *
finish_json_array (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char *
strv_to_json (const char * const *strings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  return finish_json_array (builder);
}

/* The first pipeline's stages for the bulk writer, with the lifecycle
 * (HS-4) a deal's contact has in each. */
static char *
stages_to_json (GListModel *stages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(CrmStage) stage = g_list_model_get_item (stages, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, crm_stage_get_id (stage));
      json_builder_set_member_name (builder, "final");
      json_builder_add_int_value (builder, crm_stage_is_final (stage));
      json_builder_set_member_name (builder, "lifecycle");
      json_builder_add_string_value (builder, lifecycle_for (stage));
      json_builder_end_object (builder);
    }
  return finish_json_array (builder);
}

static char *
ids_to_json (GArray *ids)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  return finish_json_array (builder);
}

static char *
sources_to_json (CrmProcedure *procedure)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < crm_procedure_get_n_sources (procedure); i++)
    g_ptr_array_add (keys, (gpointer) crm_procedure_get_source (procedure, i)->key);
  g_ptr_array_add (keys, NULL);
  return strv_to_json ((const char * const *) keys->pdata);
}

static gboolean
populate_bulk (CrmStore          *store,
               const DemoLocale  *locale,
               guint              n_deals,
               guint32            seed,
               GError           **error)
{
  CrmProcedure *procedure = crm_store_get_procedure (store);
  g_autoptr(CrmPipeline) pipeline = g_list_model_get_item (crm_store_get_pipelines (store), 0);
  g_autoptr(GListModel) stages = crm_store_get_stages (store, crm_pipeline_get_id (pipeline));
  g_autoptr(GDateTime) now = crm_store_now (store);
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autoptr(GArray) reps = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *stages_json = stages_to_json (stages);
  g_autofree char *people = strv_to_json (locale->people);
  g_autofree char *companies = strv_to_json (locale->companies);
  g_autofree char *cities = strv_to_json (locale->cities);
  g_autofree char *positions = strv_to_json (locale->positions);
  g_autofree char *subjects = strv_to_json (locale->subjects);
  g_autofree char *next_steps = strv_to_json (locale->next_steps);
  g_autofree char *sources = sources_to_json (procedure);
  g_autofree char *reps_json = NULL;
  const char *currency = crm_procedure_get_currency (procedure);
  CrmDemoBulk bulk = {
    .n_deals = n_deals,
    .n_companies = MAX (1, n_deals / 3),
    .seed = seed,
    .pipeline_id = crm_pipeline_get_id (pipeline),
    .now = g_date_time_to_unix (now),
    .now_text = now_text,
    .stages = stages_json,
    .people = people,
    .companies = companies,
    .cities = cities,
    .positions = positions,
    .subjects = subjects,
    .next_steps = next_steps,
    .sources = sources,
    .phone_prefix = locale->phone_prefix,
    .email_domain = locale->email_domain,
    .currency = currency,
    /* A department quotes now and then in dollars, or in euros if its
     * own currency is the dollar. */
    .other_currency = g_strcmp0 (currency, "USD") == 0 ? "EUR" : "USD",
  };

  if (!insert_department (store, locale, now_text, reps, error))
    return FALSE;

  reps_json = ids_to_json (reps);
  bulk.reps = reps_json;
  return _crm_store_demo_add_bulk (store, &bulk, error);
}

/**
 * crm_demo_populate_bulk:
 * @store: a store whose procedure is installed
 * @n_deals: how many deals to create
 * @seed: the seed of the rows' values, so a benchmark run can be repeated
 * @error: return location for a #GError
 *
 * Fills a fresh database like crm_demo_populate(), with the same people,
 * companies, stages, amounts and tasks, but each table is written by one
 * statement in one transaction, so a million deals take seconds: for the
 * benchmarks. The rows differ from crm_demo_populate()'s for the same seed;
 * the same seed always gives the same rows.
 *
 * Returns: %TRUE on success
 */
gboolean
crm_demo_populate_bulk (CrmStore  *store,
                        guint      n_deals,
                        guint32    seed,
                        GError   **error)
{
  const DemoLocale *locale;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!demo_locale_for (store, &locale, error))
    return FALSE;
  if (locale == NULL)
    return TRUE;

  if (!_crm_store_begin (store, error) ||
      !_crm_store_commit_or_rollback (store, populate_bulk (store, locale, n_deals, seed, error), error))
    return FALSE;

  return crm_store_reload (store, error);
}
