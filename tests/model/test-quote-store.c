/* test-quote-store.c
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

/*
 * The quotes' store (TW-5, TW-6, AXL-9, CON-1, HS-8): numbers, saving and
 * reading every field, immutability once sent, the stored PDF, revisions,
 * the deal's amount, product masters and templates and who may change them,
 * and the migration from schema 6.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "crm-company.h"
#include "crm-contact.h"
#include "crm-deal.h"
#include "crm-limits.h"
#include "crm-product.h"
#include "crm-quote.h"
#include "crm-quote-line.h"
#include "crm-quote-template.h"
#include "crm-quote-variant.h"

#include "../crm-test-common.h"

typedef CrmTestClockedFixture Fixture;

#define ADD(path, procedure, func) \
  CRM_TEST_ADD (path, Fixture, procedure, crm_test_clocked_fixture_set_up, func, crm_test_clocked_fixture_tear_down)

static const char fake_pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n\0binary\xff\x00\x01tail\n%%EOF\n";

static GBytes *
new_pdf (void)
{
  return g_bytes_new_static (fake_pdf, sizeof fake_pdf - 1);
}

static gint64
new_deal (CrmStore   *store,
          const char *phone,
          const char *currency)
{
  const char * const phones[] = { phone, NULL };
  static const char * const emails[] = { "anna@example.org", NULL };
  g_autoptr(CrmDeal) deal = crm_deal_new ();
  g_autoptr(CrmContact) contact = crm_contact_new ();
  g_autoptr(CrmCompany) company = crm_company_new ();
  g_autoptr(GError) error = NULL;

  crm_deal_set_title (deal, "Clocks for the branch");
  crm_deal_set_currency (deal, currency);
  crm_contact_set_name (contact, "Anna Levi");
  crm_contact_set_phones (contact, phones);
  crm_contact_set_emails (contact, emails);
  crm_company_set_name (company, "Negev Solar");
  crm_company_set_address (company, "Herzl 1");
  crm_company_set_city (company, "Beersheba");

  g_assert_true (crm_store_save_deal (store, deal, contact, company, NULL, &error));
  g_assert_no_error (error);
  return crm_deal_get_id (deal);
}

static gint64
il_deal (CrmStore *store)
{
  return new_deal (store, "050-123-4567", "ILS");
}

static gint64
ru_deal (CrmStore *store)
{
  return new_deal (store, "+7 916 123-45-67", "RUB");
}

static gint64
add_rep (CrmStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_store_add_user (store, "Rep", CRM_ROLE_REP, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
save_product (CrmStore       *store,
              const char     *code,
              const char     *name,
              gint64          price,
              const char     *currency,
              CrmProductKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name_ru = g_strconcat (name, " (ru)", NULL);
  g_autofree char *name_he = g_strconcat (name, " (he)", NULL);
  CrmProductInfo info = {
    .code = code, .name = name, .name_he = name_he, .name_ru = name_ru,
    .price = price, .floor_price = price / 2, .currency = currency,
    .vat_rate = 2200, .kind = kind, .active = TRUE,
  };
  gint64 id = crm_store_save_product (store, &info, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static CrmQuoteLine *
free_line (const char *description,
           gint64      quantity,
           gint64      price,
           const char *currency)
{
  CrmQuoteLine *line = crm_quote_line_new ();

  crm_quote_line_set_description (line, description);
  crm_quote_line_set_quantity (line, quantity);
  crm_quote_line_set_unit_price (line, price);
  crm_quote_line_set_floor_price (line, -1);
  crm_quote_line_set_currency (line, currency);
  crm_quote_line_set_vat_rate (line, 1800);
  crm_quote_line_set_kind (line, CRM_PRODUCT_SERVICE);
  return line;
}

static CrmQuoteVariant *
first_variant (CrmQuote *quote)
{
  g_autoptr(CrmQuoteVariant) variant = g_list_model_get_item (crm_quote_get_variants (quote), 0);

  g_assert_nonnull (variant);
  return variant;   /* the quote keeps it */
}

/* A stored draft of @deal_id with one line, saved. */
static CrmQuote *
new_quote (CrmStore *store,
           gint64    deal_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = crm_store_create_quote (store, deal_id, 0, "en", &error);
  g_autoptr(CrmQuoteLine) line = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (quote);
  line = free_line ("Installation", 1000, 50000, crm_quote_get_currency (quote));
  crm_quote_variant_append_line (first_variant (quote), line);
  g_assert_true (crm_store_save_quote (store, quote, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&quote);
}

/* TW-5: numbers are gap-free per year; a create that rolls back gives its
 * number back, and a new year starts at 1. */
static void
test_tw_5_numbers_gap_free_per_year (Fixture       *fixture,
                                     gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) first = NULL;
  g_autoptr(CrmQuote) refused = NULL;
  g_autoptr(CrmQuote) second = NULL;
  g_autoptr(CrmQuote) next_year = NULL;
  g_autoptr(CrmQuote) late = NULL;
  gint64 deal_id = il_deal (store);

  first = crm_store_create_quote (store, deal_id, 0, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_quote_get_number (first), ==, "Q-2026-0001");
  g_assert_cmpuint (crm_quote_get_revision (first), ==, 1);

  /* A write that fails after the number was taken. */
  crm_test_refuse_writes (_crm_store_get_db (store), "INSERT", "quote_variants", "refused by the test");
  refused = crm_store_create_quote (store, deal_id, 0, "en", &error);
  g_assert_null (refused);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quotes"), ==, 1);
  crm_test_refuse_writes_end (_crm_store_get_db (store), "quote_variants");

  second = crm_store_create_quote (store, deal_id, 0, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_quote_get_number (second), ==, "Q-2026-0002");

  crm_test_clock_set (&fixture->clock, "2027-01-05T12:00:00Z");
  next_year = crm_store_create_quote (store, deal_id, 0, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_quote_get_number (next_year), ==, "Q-2027-0001");

  crm_test_clock_set (&fixture->clock, "2026-12-30T12:00:00Z");
  late = crm_store_create_quote (store, deal_id, 0, "en", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_quote_get_number (late), ==, "Q-2026-0003");
  /* Valid for the procedure's days from today, by the store's clock. */
  g_assert_cmpstr (crm_quote_get_valid_until (late), >, "2026-12-30");
}

/* The draft takes its customer block from the deal and its header from
 * the settings, the logo read from its file while it is at most 2 MiB. */
static void
test_tw_5_create_takes_customer_and_organization (Fixture       *fixture,
                                                  gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(CrmQuote) big = NULL;
  g_autoptr(CrmQuote) sent = NULL;
  g_autoptr(GBytes) pdf = new_pdf ();
  g_autofree char *logo = g_build_filename (fixture->base.dir, "logo.png", NULL);
  g_autofree char *huge = g_malloc0 (CRM_QUOTE_MAX_LOGO + 1);
  gint64 deal_id = il_deal (store);

  g_assert_true (g_file_set_contents (logo, "\x89PNG\r\n\x1a\nlogo", 12, &error));
  g_assert_true (crm_store_set_setting (store, "organization-name", "TimeWise Ltd", &error));
  g_assert_true (crm_store_set_setting (store, "organization-details", "Hamasger 5, Tel Aviv\nVAT 512345678", &error));
  g_assert_true (crm_store_set_setting (store, "organization-logo", logo, &error));
  g_assert_no_error (error);

  quote = crm_store_create_quote (store, deal_id, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_quote_get_customer_name (quote), ==, "Anna Levi");
  g_assert_cmpstr (crm_quote_get_customer_company (quote), ==, "Negev Solar");
  g_assert_cmpstr (crm_quote_get_customer_details (quote), ==, "Herzl 1, Beersheba\n+972501234567\nanna@example.org");
  g_assert_cmpstr (crm_quote_get_organization_name (quote), ==, "TimeWise Ltd");
  g_assert_cmpstr (crm_quote_get_organization_details (quote), ==, "Hamasger 5, Tel Aviv\nVAT 512345678");
  g_assert_nonnull (crm_quote_get_logo (quote));
  g_assert_cmpuint (g_bytes_get_size (crm_quote_get_logo (quote)), ==, 12);
  g_assert_cmpstr (crm_quote_get_currency (quote), ==, "ILS");
  g_assert_cmpuint (crm_quote_get_state (quote), ==, CRM_QUOTE_DRAFT);
  /* The language of a quote is one of the three, the interface's by default. */
  g_assert_true (g_strv_contains ((const char * const[]) { "en", "he", "ru", NULL }, crm_quote_get_language (quote)));

  g_assert_null (crm_store_create_quote (store, deal_id, 0, "fr", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  /* A logo over 2 MiB is no logo, and no error. */
  g_assert_true (g_file_set_contents (logo, huge, CRM_QUOTE_MAX_LOGO + 1, &error));
  big = crm_store_create_quote (store, deal_id, 0, "en", &error);
  g_assert_no_error (error);
  g_assert_null (crm_quote_get_logo (big));

  /* What went out keeps the header it went out with. */
  sent = new_quote (store, deal_id);
  g_assert_true (crm_store_send_quote (store, sent, pdf, "email", &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "organization-name", "TimeWise Group", &error));
  g_clear_object (&sent);
  sent = crm_store_find_quote (store, "Q-2026-0003", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_quote_get_state (sent), ==, CRM_QUOTE_SENT);
  g_assert_cmpstr (crm_quote_get_organization_name (sent), ==, "TimeWise Ltd");
  g_clear_object (&quote);
  quote = crm_store_find_quote (store, "Q-2026-0001", &error);
  g_assert_cmpstr (crm_quote_get_organization_name (quote), ==, "TimeWise Group");
}

static CrmQuoteLine *
round_trip_line (guint  i,
                 gint64 product_id)
{
  g_autofree char *code = g_strdup_printf ("RAD-%04u", i);
  g_autofree char *description = g_strdup_printf ("Радиатор %u секций · רדיאטור · Radiator\nline %u", i % 14 + 4, i);
  CrmQuoteLine *line = crm_quote_line_new ();

  crm_quote_line_set_product_id (line, i % 3 == 0 ? product_id : 0);
  crm_quote_line_set_code (line, i % 5 == 0 ? NULL : code);
  crm_quote_line_set_description (line, description);
  crm_quote_line_set_quantity (line, 1000 + i * 7);
  crm_quote_line_set_unit_price (line, 100000 + i * 13);
  /* A lowest price only where no discount could take the line below it. */
  crm_quote_line_set_floor_price (line, i % 2 == 0 ? -1 : (gint64)(50000 + i));
  crm_quote_line_set_currency (line, "RUB");
  crm_quote_line_set_discount (line, i % 2 == 0 ? (i * 37) % 10001 : 0);
  crm_quote_line_set_vat_rate (line, i % 4 == 0 ? 0 : 2200);
  crm_quote_line_set_kind (line, (CrmProductKind)(i % CRM_N_PRODUCT_KINDS));
  return line;
}

static void
assert_same_line (CrmQuoteLine *a,
                  CrmQuoteLine *b)
{
  g_assert_cmpint (crm_quote_line_get_product_id (a), ==, crm_quote_line_get_product_id (b));
  g_assert_cmpstr (crm_quote_line_get_code (a), ==, crm_quote_line_get_code (b));
  g_assert_cmpstr (crm_quote_line_get_description (a), ==, crm_quote_line_get_description (b));
  g_assert_cmpint (crm_quote_line_get_quantity (a), ==, crm_quote_line_get_quantity (b));
  g_assert_cmpint (crm_quote_line_get_unit_price (a), ==, crm_quote_line_get_unit_price (b));
  g_assert_cmpint (crm_quote_line_get_floor_price (a) < 0 ? -1 : crm_quote_line_get_floor_price (a), ==,
                   crm_quote_line_get_floor_price (b) < 0 ? -1 : crm_quote_line_get_floor_price (b));
  g_assert_cmpstr (crm_quote_line_get_currency (a), ==, crm_quote_line_get_currency (b));
  g_assert_cmpuint (crm_quote_line_get_discount (a), ==, crm_quote_line_get_discount (b));
  g_assert_cmpuint (crm_quote_line_get_vat_rate (a), ==, crm_quote_line_get_vat_rate (b));
  g_assert_cmpuint (crm_quote_line_get_kind (a), ==, crm_quote_line_get_kind (b));
}

/* Every field of a quote of two variants and 502 lines comes back as it
 * was saved (RAD-11: the prepayment percent the rep picked). */
static void
test_rad_11_save_and_load_every_field (Fixture       *fixture,
                                       gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(CrmQuote) loaded = NULL;
  g_autoptr(CrmQuoteVariant) extended = crm_quote_variant_new ("Extended");
  gint64 product_id = save_product (store, "RAD-BM-10", "Bimetal radiator, 10 sections", 1290000, "RUB",
                                    CRM_PRODUCT_HARDWARE);
  gint64 deal_id = ru_deal (store);
  GListModel *variants;

  quote = crm_store_create_quote (store, deal_id, 0, "ru", &error);
  g_assert_no_error (error);
  crm_quote_variant_set_name (first_variant (quote), "Basic");
  for (guint i = 0; i < 500; i++)
    {
      g_autoptr(CrmQuoteLine) line = round_trip_line (i, product_id);

      crm_quote_variant_append_line (first_variant (quote), line);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(CrmQuoteLine) line = round_trip_line (1000 + i, product_id);

      crm_quote_variant_append_line (extended, line);
    }
  crm_quote_add_variant (quote, extended);
  crm_quote_set_language (quote, "he");
  crm_quote_set_valid_until (quote, "2026-04-30");
  crm_quote_set_customer (quote, "Игорь Петров", "ООО «ТеплоСтрой»", "Москва, Тверская 1\n+79161234567");
  crm_quote_set_notes (quote, "Доставка за счёт покупателя.\nמשלוח על חשבון הלקוח.");
  crm_quote_set_payment_term (quote, "cash", 1);
  crm_quote_set_prepayment_percent (quote, 70);
  g_assert_true (crm_store_save_quote (store, quote, &error));
  g_assert_no_error (error);

  loaded = crm_store_load_quote (store, crm_quote_get_id (quote), &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_quote_get_deal_id (loaded), ==, deal_id);
  g_assert_cmpstr (crm_quote_get_number (loaded), ==, crm_quote_get_number (quote));
  g_assert_cmpuint (crm_quote_get_revision (loaded), ==, 1);
  g_assert_cmpstr (crm_quote_get_language (loaded), ==, "he");
  g_assert_cmpstr (crm_quote_get_currency (loaded), ==, "RUB");
  g_assert_cmpstr (crm_quote_get_valid_until (loaded), ==, "2026-04-30");
  g_assert_cmpstr (crm_quote_get_customer_name (loaded), ==, "Игорь Петров");
  g_assert_cmpstr (crm_quote_get_customer_company (loaded), ==, "ООО «ТеплоСтрой»");
  g_assert_cmpstr (crm_quote_get_customer_details (loaded), ==, "Москва, Тверская 1\n+79161234567");
  g_assert_cmpstr (crm_quote_get_notes (loaded), ==, "Доставка за счёт покупателя.\nמשלוח על חשבון הלקוח.");
  g_assert_cmpstr (crm_quote_get_payment_term (loaded), ==, "cash");
  g_assert_cmpuint (crm_quote_get_installments (loaded), ==, 1);
  g_assert_cmpuint (crm_quote_get_prepayment_percent (loaded), ==, 70);
  g_assert_cmpuint (crm_quote_get_state (loaded), ==, CRM_QUOTE_DRAFT);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_NONE);
  g_assert_true (g_date_time_equal (crm_quote_get_created_at (loaded), fixture->clock.now));
  g_assert_null (crm_quote_get_sent_at (loaded));

  variants = crm_quote_get_variants (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (variants), ==, 2);
  for (guint v = 0; v < 2; v++)
    {
      g_autoptr(CrmQuoteVariant) a = g_list_model_get_item (crm_quote_get_variants (quote), v);
      g_autoptr(CrmQuoteVariant) b = g_list_model_get_item (variants, v);
      GListModel *lines_a = crm_quote_variant_get_lines (a);
      GListModel *lines_b = crm_quote_variant_get_lines (b);

      g_assert_cmpstr (crm_quote_variant_get_name (a), ==, crm_quote_variant_get_name (b));
      g_assert_cmpuint (g_list_model_get_n_items (lines_b), ==, v == 0 ? 500 : 2);
      for (guint i = 0; i < g_list_model_get_n_items (lines_a); i++)
        {
          g_autoptr(CrmQuoteLine) line_a = g_list_model_get_item (lines_a, i);
          g_autoptr(CrmQuoteLine) line_b = g_list_model_get_item (lines_b, i);

          assert_same_line (line_a, line_b);
        }
    }

  /* One number and revision, once. */
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quote_lines"), ==, 502);
  g_assert_true (crm_store_save_quote (store, loaded, &error));
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quote_lines"), ==, 502);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quote_variants"), ==, 2);
}

/* TW-5: a sent quote never changes; its PDF comes back byte for byte with
 * its SHA-256 after the file is opened again, and a revision is a new
 * draft of the same number. */
static void
test_tw_5_sent_quote_is_immutable (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(CrmQuote) again = NULL;
  g_autoptr(CrmQuote) revision = NULL;
  g_autoptr(CrmQuote) found = NULL;
  g_autoptr(CrmQuote) old = NULL;
  g_autoptr(CrmQuoteLine) extra = NULL;
  g_autoptr(GBytes) pdf = new_pdf ();
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GListModel) quotes = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *expected = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  gint64 deal_id = il_deal (fixture->base.store);
  gint64 quote_id;

  quote = new_quote (fixture->base.store, deal_id);
  quote_id = crm_quote_get_id (quote);
  g_assert_false (crm_store_send_quote (fixture->base.store, quote, NULL, "email", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  crm_test_clock_advance (&fixture->clock, G_TIME_SPAN_HOUR);
  g_assert_true (crm_store_send_quote (fixture->base.store, quote, pdf, "email", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_quote_get_state (quote), ==, CRM_QUOTE_SENT);
  g_assert_true (g_date_time_equal (crm_quote_get_sent_at (quote), fixture->clock.now));

  /* Nothing of it changes any more, by any path. */
  extra = free_line ("Training", 2000, 30000, "ILS");
  crm_quote_variant_append_line (first_variant (quote), extra);
  g_assert_false (crm_store_save_quote (fixture->base.store, quote, &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  g_assert_false (crm_store_send_quote (fixture->base.store, quote, pdf, "email", &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_IMMUTABLE);
  g_clear_error (&error);
  again = crm_store_load_quote (fixture->base.store, quote_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (crm_quote_variant_get_lines (first_variant (again))), ==, 1);
  g_assert_cmpint (crm_test_query_int (fixture->base.store, "SELECT count(*) FROM quote_documents"), ==, 1);

  /* The same bytes after the file is opened again. */
  g_assert_finalize_object (g_steal_pointer (&fixture->base.store));
  g_clear_object (&again);
  g_clear_object (&quote);
  fixture->base.store = crm_store_open (fixture->base.path, &error);
  g_assert_no_error (error);
  crm_store_set_clock (fixture->base.store, crm_test_clock_now, &fixture->clock);
  stored = crm_store_load_quote_pdf (fixture->base.store, quote_id, &sha256, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, pdf));
  g_assert_cmpstr (sha256, ==, expected);

  /* A revision: a new draft of the same number; the sent one is
   * superseded and keeps its PDF. */
  revision = crm_store_revise_quote (fixture->base.store, quote_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_quote_get_number (revision), ==, "Q-2026-0001");
  g_assert_cmpuint (crm_quote_get_revision (revision), ==, 2);
  g_assert_cmpuint (crm_quote_get_state (revision), ==, CRM_QUOTE_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (crm_quote_variant_get_lines (first_variant (revision))), ==, 1);
  old = crm_store_load_quote (fixture->base.store, quote_id, &error);
  g_assert_cmpuint (crm_quote_get_state (old), ==, CRM_QUOTE_SUPERSEDED);
  g_clear_pointer (&stored, g_bytes_unref);
  g_clear_pointer (&sha256, g_free);
  stored = crm_store_load_quote_pdf (fixture->base.store, quote_id, &sha256, &error);
  g_assert_true (g_bytes_equal (stored, pdf));
  g_assert_null (crm_store_load_quote_pdf (fixture->base.store, crm_quote_get_id (revision), NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    /* The fingerprint alone, as the deal card lists it. */
    g_autofree char *listed = crm_store_dup_quote_sha256 (fixture->base.store, quote_id);

    g_assert_cmpstr (listed, ==, expected);
    g_assert_null (crm_store_dup_quote_sha256 (fixture->base.store, crm_quote_get_id (revision)));
  }

  found = crm_store_find_quote (fixture->base.store, "Q-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_quote_get_id (found), ==, crm_quote_get_id (revision));
  g_assert_true (crm_store_save_quote (fixture->base.store, revision, &error));
  g_assert_no_error (error);

  /* Only the newest revision, once it went out, is revised again. */
  g_assert_null (crm_store_revise_quote (fixture->base.store, quote_id, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_null (crm_store_revise_quote (fixture->base.store, crm_quote_get_id (revision), &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  quotes = crm_store_get_deal_quotes (fixture->base.store, deal_id);
  g_assert_cmpuint (g_list_model_get_n_items (quotes), ==, 2);
}

/* The customer's answer comes to a sent quote only, once. */
static void
test_tw_5_quote_states (Fixture       *fixture,
                        gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = new_quote (store, il_deal (store));
  g_autoptr(CrmQuote) loaded = NULL;
  g_autoptr(GBytes) pdf = new_pdf ();
  gint64 id = crm_quote_get_id (quote);

  g_assert_false (crm_store_set_quote_state (store, id, CRM_QUOTE_ACCEPTED, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_true (crm_store_send_quote (store, quote, pdf, "other", &error));
  g_assert_false (crm_store_set_quote_state (store, id, CRM_QUOTE_DRAFT, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_true (crm_store_set_quote_state (store, id, CRM_QUOTE_ACCEPTED, &error));
  g_assert_no_error (error);
  loaded = crm_store_load_quote (store, id, &error);
  g_assert_cmpuint (crm_quote_get_state (loaded), ==, CRM_QUOTE_ACCEPTED);
  g_assert_false (crm_store_set_quote_state (store, id, CRM_QUOTE_DECLINED, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
}

/* What the approval flow (issue 11) will write: the manager's answer,
 * stored behind the quote's back. */
static void
write_approval (CrmStore   *store,
                gint64      quote_id,
                const char *answer)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE quotes SET approval = '%s' WHERE id = %" G_GINT64_FORMAT,
                                          answer, quote_id);

  g_assert_true (crm_db_exec (_crm_store_get_db (store), sql, &error));
  g_assert_no_error (error);
}

/* TW-6: the card standing order needs the sales manager: the draft is
 * pending and cannot be sent; the approval's answer (written by the
 * approval flow) round-trips; the default term sends at once. */
static void
test_tw_6_send_refuses_pending_approval (Fixture       *fixture,
                                         gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = new_pdf ();
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(CrmQuote) loaded = NULL;
  g_autoptr(CrmQuote) plain = NULL;
  gint64 deal_id = il_deal (store);

  quote = new_quote (store, deal_id);
  crm_quote_set_payment_term (quote, "card_standing_order", 1);
  g_assert_true (crm_store_save_quote (store, quote, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_quote_get_approval (quote), ==, CRM_QUOTE_APPROVAL_PENDING);

  g_assert_false (crm_store_send_quote (store, quote, pdf, "email", &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NEEDS_APPROVAL);
  g_clear_error (&error);
  loaded = crm_store_load_quote (store, crm_quote_get_id (quote), &error);
  g_assert_cmpuint (crm_quote_get_state (loaded), ==, CRM_QUOTE_DRAFT);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_PENDING);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quote_documents"), ==, 0);
  g_assert_cmpint (crm_test_query_int (store, "SELECT amount FROM deals"), ==, 0);

  /* Refused by the manager: still not sent. */
  write_approval (store, crm_quote_get_id (quote), "rejected");
  g_clear_object (&loaded);
  loaded = crm_store_load_quote (store, crm_quote_get_id (quote), &error);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_REJECTED);
  g_assert_false (crm_store_send_quote (store, loaded, pdf, "email", &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NEEDS_APPROVAL);
  g_clear_error (&error);

  /* Approved: a save keeps the answer, and the quote goes out. */
  write_approval (store, crm_quote_get_id (quote), "approved");
  g_clear_object (&loaded);
  loaded = crm_store_load_quote (store, crm_quote_get_id (quote), &error);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_APPROVED);
  g_assert_true (crm_store_save_quote (store, loaded, &error));
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_APPROVED);
  g_assert_true (crm_store_send_quote (store, loaded, pdf, "email", &error));
  g_assert_no_error (error);

  /* The default term, 12 credit-card instalments, needs nobody. */
  plain = new_quote (store, deal_id);
  g_assert_cmpstr (crm_quote_get_payment_term (plain), ==, "credit_card");
  g_assert_cmpuint (crm_quote_get_installments (plain), ==, 12);
  g_assert_cmpuint (crm_quote_get_approval (plain), ==, CRM_QUOTE_APPROVAL_NONE);
  g_assert_true (crm_store_send_quote (store, plain, pdf, "email", &error));
  g_assert_no_error (error);
}

/* TW-6: the manager's answer holds for the term it was given for, in the
 * quote object and in the store alike (one rule): changing the term and
 * saving asks again, and the object never claims what the store refuses. */
static void
test_tw_6_approval_holds_for_its_term (Fixture       *fixture,
                                       gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = new_pdf ();
  g_autoptr(CrmQuote) quote = new_quote (store, il_deal (store));
  g_autoptr(CrmQuote) loaded = NULL;

  crm_quote_set_payment_term (quote, "card_standing_order", 1);
  g_assert_true (crm_store_save_quote (store, quote, &error));
  g_assert_no_error (error);
  write_approval (store, crm_quote_get_id (quote), "approved");
  loaded = crm_store_load_quote (store, crm_quote_get_id (quote), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_APPROVED);

  /* Away and back before a save: the answer still stands. */
  crm_quote_set_payment_term (loaded, "bank_transfer", 1);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_NONE);
  crm_quote_set_payment_term (loaded, "card_standing_order", 1);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_APPROVED);

  /* Saved with another term, the answer is gone: back to the standing
   * order, the manager is asked again, by the object and the store. */
  crm_quote_set_payment_term (loaded, "bank_transfer", 1);
  g_assert_true (crm_store_save_quote (store, loaded, &error));
  g_assert_no_error (error);
  crm_quote_set_payment_term (loaded, "card_standing_order", 1);
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_PENDING);
  g_assert_true (crm_store_save_quote (store, loaded, &error));
  g_assert_cmpuint (crm_quote_get_approval (loaded), ==, CRM_QUOTE_APPROVAL_PENDING);
  g_assert_false (crm_store_send_quote (store, loaded, pdf, "email", &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_NEEDS_APPROVAL);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quotes WHERE approval = 'approved'"), ==, 0);
}

static void
count_signal_cb (CrmStore *store,
                 gint64    deal_id,
                 gpointer  data)
{
  gint64 *seen = data;

  seen[0]++;
  seen[1] = deal_id;
}

/* AXL-9: one quote, two variants; when it is sent the deal is worth the
 * larger, through the deal's save (deal-changed), and the quotes' list
 * hears of it (quotes-changed). CON-1: the sending is an activity naming
 * the quote. */
static void
test_axl_9_send_sets_deal_amount_and_logs_con_1 (Fixture       *fixture,
                                                 gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = new_pdf ();
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(CrmQuote) revision = NULL;
  g_autoptr(CrmQuoteVariant) extended = crm_quote_variant_new ("Extended");
  g_autoptr(CrmQuoteLine) shop = NULL;
  g_autoptr(CrmQuoteLine) support = NULL;
  g_autoptr(CrmDeal) deal = NULL;
  CrmQuoteTotals totals = { 0 };
  gint64 deal_changed[2] = { 0 };
  gint64 quotes_changed[2] = { 0 };
  gint64 deal_id = ru_deal (store);
  gulong deal_handler, quotes_handler;

  quote = new_quote (store, deal_id);
  shop = free_line ("Online shop", 1000, 25000000, "RUB");
  support = free_line ("Support, a month", 3000, 1500000, "RUB");
  crm_quote_variant_append_line (extended, shop);
  crm_quote_variant_append_line (extended, support);
  crm_quote_add_variant (quote, extended);
  g_assert_true (crm_quote_variant_compute_totals (extended, &totals, &error));
  g_assert_no_error (error);

  deal_handler = g_signal_connect (store, "deal-changed", G_CALLBACK (count_signal_cb), deal_changed);
  quotes_handler = g_signal_connect (store, "quotes-changed", G_CALLBACK (count_signal_cb), quotes_changed);
  g_assert_true (crm_store_send_quote (store, quote, pdf, "email", &error));
  g_assert_no_error (error);
  g_signal_handler_disconnect (store, deal_handler);
  g_signal_handler_disconnect (store, quotes_handler);

  deal = crm_store_load_deal (store, deal_id, &error);
  g_assert_cmpint (crm_deal_get_amount (deal), ==, totals.total);
  g_assert_cmpint (totals.total, >, 25000000);
  g_assert_cmpstr (crm_deal_get_currency (deal), ==, "RUB");
  g_assert_cmpint (deal_changed[0], ==, 1);
  g_assert_cmpint (deal_changed[1], ==, deal_id);
  g_assert_cmpint (quotes_changed[0], ==, 1);
  g_assert_cmpint (quotes_changed[1], ==, deal_id);
  crm_quote_totals_clear (&totals);

  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM activities WHERE kind = 'document' "
                                              "AND note = 'Quote Q-2026-0001 sent by email'"), ==, 1);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM activities a JOIN deals d ON d.id = a.deal_id "
                                              "WHERE a.contact_id = d.contact_id AND a.kind = 'document'"), ==, 1);

  /* HS-8: a revision sent names its revision. */
  revision = crm_store_revise_quote (store, crm_quote_get_id (quote), &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_send_quote (store, revision, pdf, "print", &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM activities WHERE kind = 'document' "
                                              "AND note = 'Quote Q-2026-0001, revision 2, printed and handed over'"), ==, 1);

  /* How it went is one of the ways, from a script too; a refusal sends nothing. */
  {
    gint64 sent_id = crm_quote_get_id (revision);

    g_clear_object (&revision);
    revision = crm_store_revise_quote (store, sent_id, &error);
  }
  g_assert_no_error (error);
  for (guint i = 0; i < 2; i++)
    {
      const char *bad[] = { "Fax", NULL };

      g_assert_false (crm_store_send_quote (store, revision, pdf, bad[i], &error));
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
      g_assert_nonnull (strstr (error->message, "is not a way a quote is sent (email, print or other)"));
      g_clear_error (&error);
    }
  g_assert_cmpuint (crm_quote_get_state (revision), ==, CRM_QUOTE_DRAFT);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM activities WHERE kind = 'document'"), ==, 2);
}

/* TW-5: the masters and templates are the manager's, in the model; a rep
 * still builds and sends quotes. */
static void
test_tw_5_rep_refused_products_and_templates (Fixture       *fixture,
                                              gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = new_pdf ();
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(GListModel) templates = NULL;
  gint64 product_id = save_product (store, "TW-CLK-200", "Biometric clock", 189000, "ILS", CRM_PRODUCT_HARDWARE);
  CrmQuoteTemplateLine lines[] = { { NULL, product_id, NULL, 1000, 0 } };
  gint64 template_id = crm_store_save_quote_template (store, 0, "One clock", lines, 1, &error);
  CrmProductInfo info = {
    .code = "TW-CLK-300", .name = "Face clock", .price = 250000, .floor_price = -1,
    .currency = "ILS", .vat_rate = 1800, .kind = CRM_PRODUCT_HARDWARE, .active = TRUE,
  };
  gint64 deal_id = il_deal (store);

  g_assert_no_error (error);
  _crm_store_set_current_user (store, add_rep (store));

  g_assert_cmpint (crm_store_save_product (store, &info, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  info.id = product_id;
  g_assert_cmpint (crm_store_save_product (store, &info, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_save_quote_template (store, template_id, "Mine", lines, 1, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_false (crm_store_delete_quote_template (store, template_id, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION);
  g_clear_error (&error);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM products"), ==, 1);
  templates = crm_store_get_quote_templates (store);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);

  quote = crm_store_create_quote (store, deal_id, template_id, "he", &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_send_quote (store, quote, pdf, "email", &error));
  g_assert_no_error (error);
}

static void
assert_product_refused (CrmStore             *store,
                        const CrmProductInfo *info,
                        gint                  code,
                        const char           *message_part)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (crm_store_save_product (store, info, &error), ==, 0);
  g_assert_nonnull (error);
  if (code >= 0)
    g_assert_error (error, CRM_STORE_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);
}

/* TW-5: each bad field of a product master is refused with a message that
 * says what is wrong; nothing is written. */
static void
test_tw_5_bad_product_inputs (Fixture       *fixture,
                              gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(CrmProduct) product = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(CrmProduct) listed = NULL;
  CrmProductInfo good = {
    .code = "TW-CLK-200", .name = "Biometric clock", .name_he = "שעון ביומטרי", .name_ru = "Биометрические часы",
    .price = 189000, .floor_price = 150000, .currency = "ils", .vat_rate = 1800,
    .kind = CRM_PRODUCT_HARDWARE, .active = TRUE,
  };
  CrmProductInfo bad;
  gint64 id = save_product (store, "TW-OTHER", "Reports module", 120000, "ILS", CRM_PRODUCT_SOFTWARE);
  g_autoptr(GError) error = NULL;
  gint64 clock_id;

  bad = good, bad.code = "  ";
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_FIELD, "code");
  bad = good, bad.code = "TW-CLK-2000000000000000000000000000";
  assert_product_refused (store, &bad, -1, "32");
  bad = good, bad.code = "שעון-1";
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_FIELD, "Latin");
  bad = good, bad.code = "TW-OTHER";
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_FIELD, "Reports module");
  bad = good, bad.name = " ";
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_NAME, "name");
  bad = good, bad.price = -1;
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_AMOUNT, "negative");
  bad = good, bad.floor_price = 200000;
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_AMOUNT, "lowest price");
  bad = good, bad.currency = "shekel";
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_AMOUNT, "currency");
  bad = good, bad.vat_rate = 10001;
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_AMOUNT, "VAT");
  bad = good, bad.kind = (CrmProductKind)99;
  assert_product_refused (store, &bad, CRM_STORE_ERROR_INVALID_FIELD, "hardware");
  bad = good, bad.id = 999;
  assert_product_refused (store, &bad, CRM_STORE_ERROR_NOT_FOUND, "999");
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM products"), ==, 1);

  /* The good one is stored whole, and changed in place. */
  clock_id = crm_store_save_product (store, &good, &error);
  g_assert_no_error (error);
  product = crm_store_find_product (store, clock_id);
  g_assert_cmpstr (crm_product_get_code (product), ==, "TW-CLK-200");
  g_assert_cmpstr (crm_product_get_currency (product), ==, "ILS");
  g_assert_cmpstr (crm_product_get_name_for_language (product, "he"), ==, "שעון ביומטרי");
  g_assert_cmpstr (crm_product_get_name_for_language (product, "ru"), ==, "Биометрические часы");
  g_assert_cmpint (crm_product_get_floor_price (product), ==, 150000);
  g_assert_cmpuint (crm_product_get_vat_rate (product), ==, 1800);
  g_assert_cmpuint (crm_product_get_kind (product), ==, CRM_PRODUCT_HARDWARE);
  good.id = clock_id;
  good.floor_price = -1;
  good.active = FALSE;
  g_assert_cmpint (crm_store_save_product (store, &good, &error), ==, clock_id);
  g_clear_object (&product);
  product = crm_store_find_product (store, clock_id);
  g_assert_cmpint (crm_product_get_floor_price (product), ==, -1);
  g_assert_false (crm_product_get_active (product));
  g_assert_null (crm_store_find_product (store, 999));

  /* CON-4 as before: the lower bound is the cheapest active price. */
  g_assert_true (crm_store_get_price_floor (store, "ILS", &(gint64) { 0 }));
  products = crm_store_get_products (store);
  g_assert_cmpuint (g_list_model_get_n_items (products), ==, 2);
  listed = g_list_model_get_item (products, 0);
  g_assert_cmpint (crm_product_get_id (listed), ==, id);
}

/* AXL-9: a template's lines of one variant name make one variant, in
 * order; product lines take the product's name in the quote's language,
 * its price, code, VAT and kind. */
static void
test_axl_9_quote_from_template (Fixture       *fixture,
                                gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  g_autoptr(CrmQuote) kept = NULL;
  g_autoptr(CrmQuoteVariant) basic = NULL;
  g_autoptr(CrmQuoteVariant) extended = NULL;
  g_autoptr(CrmQuoteLine) line = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(CrmQuoteTemplate) template = NULL;
  gint64 landing = save_product (store, "AXL-LAND", "Landing page", 6000000, "RUB", CRM_PRODUCT_SERVICE);
  gint64 shop = save_product (store, "AXL-SHOP", "Online shop", 25000000, "RUB", CRM_PRODUCT_SERVICE);
  gint64 cms = save_product (store, "AXL-CMS", "CMS licence", 3000000, "RUB", CRM_PRODUCT_LICENCE);
  CrmQuoteTemplateLine lines[] = {
    { "Basic", landing, NULL, 1000, 0 },
    { "Extended", shop, NULL, 1000, 500 },
    { "Basic", 0, "Hosting setup", 1000, 0 },
    { "Extended", cms, "CMS, one site", 2000, 0 },
  };
  CrmQuoteTemplateLine bad[] = { { NULL, 4242, NULL, 1000, 0 } };
  CrmQuoteTemplateLine empty[] = { { NULL, 0, "  ", 1000, 0 } };
  CrmQuoteTemplateLine zero[] = { { NULL, 0, "Work", 0, 0 } };
  gint64 template_id = crm_store_save_quote_template (store, 0, "Site, two ways", lines, G_N_ELEMENTS (lines), &error);
  gint64 deal_id = ru_deal (store);

  g_assert_no_error (error);
  g_assert_cmpint (crm_store_save_quote_template (store, 0, "Site, two ways", lines, 1, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_save_quote_template (store, 0, "Bad", bad, 1, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_save_quote_template (store, 0, "Empty", empty, 1, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_save_quote_template (store, 0, "Zero", zero, 1, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_FIELD);
  g_clear_error (&error);

  templates = crm_store_get_quote_templates (store);
  g_assert_cmpuint (g_list_model_get_n_items (templates), ==, 1);
  template = g_list_model_get_item (templates, 0);
  g_assert_cmpstr (crm_quote_template_get_name (template), ==, "Site, two ways");
  g_assert_cmpuint (crm_quote_template_get_n_lines (template), ==, 4);
  g_assert_cmpstr (crm_quote_template_get_line (template, 3)->description, ==, "CMS, one site");
  g_assert_cmpuint (crm_quote_template_get_line (template, 1)->discount, ==, 500);

  quote = crm_store_create_quote (store, deal_id, template_id, "ru", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (crm_quote_get_variants (quote)), ==, 2);
  basic = g_list_model_get_item (crm_quote_get_variants (quote), 0);
  extended = g_list_model_get_item (crm_quote_get_variants (quote), 1);
  g_assert_cmpstr (crm_quote_variant_get_name (basic), ==, "Basic");
  g_assert_cmpstr (crm_quote_variant_get_name (extended), ==, "Extended");
  g_assert_cmpuint (g_list_model_get_n_items (crm_quote_variant_get_lines (basic)), ==, 2);
  line = g_list_model_get_item (crm_quote_variant_get_lines (basic), 0);
  g_assert_cmpstr (crm_quote_line_get_description (line), ==, "Landing page (ru)");
  g_assert_cmpstr (crm_quote_line_get_code (line), ==, "AXL-LAND");
  g_assert_cmpint (crm_quote_line_get_unit_price (line), ==, 6000000);
  g_assert_cmpint (crm_quote_line_get_floor_price (line), ==, 3000000);
  g_assert_cmpuint (crm_quote_line_get_vat_rate (line), ==, 2200);
  g_assert_cmpuint (crm_quote_line_get_kind (line), ==, CRM_PRODUCT_SERVICE);
  g_assert_cmpint (crm_quote_line_get_product_id (line), ==, landing);
  g_clear_object (&line);
  line = g_list_model_get_item (crm_quote_variant_get_lines (extended), 1);
  g_assert_cmpstr (crm_quote_line_get_description (line), ==, "CMS, one site");
  g_assert_cmpint (crm_quote_line_get_quantity (line), ==, 2000);
  g_assert_cmpuint (crm_quote_line_get_kind (line), ==, CRM_PRODUCT_LICENCE);

  /* The quote keeps its lines when the template goes. */
  g_assert_true (crm_store_delete_quote_template (store, template_id, &error));
  g_assert_no_error (error);
  kept = crm_store_load_quote (store, crm_quote_get_id (quote), &error);
  g_assert_cmpuint (g_list_model_get_n_items (crm_quote_get_variants (kept)), ==, 2);
  g_assert_null (crm_store_create_quote (store, deal_id, template_id, "ru", &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND);
}

/* TW-5: the demo department has its masters with codes and names in the
 * three languages, a template, and two draft quotes on the deals at the
 * top of the board; AXL's template has two variants (AXL-9). */
static void
test_tw_5_demo_has_masters_templates_and_quotes (Fixture       *fixture,
                                                 gconstpointer  data)
{
  CrmStore *store = fixture->base.store;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(CrmQuote) quote = NULL;
  gint64 quote_id;

  crm_test_populate (store, 30, 7);

  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM products"), >=, 3);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM products WHERE code IS NULL OR name_he IS NULL "
                                              "OR name_ru IS NULL OR floor_price > price"), ==, 0);
  templates = crm_store_get_quote_templates (store);
  g_assert_cmpuint (g_list_model_get_n_items (templates), >=, 1);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quotes WHERE state = 'draft'"), ==, 2);
  g_assert_cmpint (crm_test_query_int (store, "SELECT count(*) FROM quote_lines l JOIN quote_variants v "
                                              "ON v.id = l.variant_id WHERE l.product_id IS NULL"), ==, 0);

  quote_id = crm_test_query_int (store, "SELECT min (id) FROM quotes");
  quote = crm_store_load_quote (store, quote_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (crm_quote_get_variants (quote)), ==,
                    g_str_equal (data, "axl") ? 2 : 1);
}

/* Migration 7 keeps the products of a version-6 file (CON-4's floor). */
static void
test_migration_from_version_6_keeps_products (void)
{
  g_autofree char *dir = crm_test_make_dir ("deals-test-quote-store-XXXXXX");
  g_autofree char *path = crm_test_db_path (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GListModel) products = NULL;
  g_autoptr(CrmProduct) product = NULL;
  gint64 floor = 0;

  crm_test_write_old_file (path, 6,
                           "INSERT INTO products (name, price, currency, active, created_at) "
                           "  VALUES ('Attendance clock', 189000, 'ILS', 1, '2026-01-01T00:00:00Z');"
                           "INSERT INTO products (name, price, currency, active, created_at) "
                           "  VALUES ('Reports module', 90000, 'ILS', 0, '2026-01-01T00:00:00Z');");

  store = crm_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, _crm_store_latest_schema_version ());

  products = crm_store_get_products (store);
  g_assert_cmpuint (g_list_model_get_n_items (products), ==, 2);
  product = g_list_model_get_item (products, 0);
  g_assert_cmpstr (crm_product_get_name (product), ==, "Attendance clock");
  g_assert_null (crm_product_get_code (product));
  g_assert_cmpint (crm_product_get_floor_price (product), ==, -1);
  g_assert_cmpuint (crm_product_get_vat_rate (product), ==, 0);
  g_assert_cmpuint (crm_product_get_kind (product), ==, CRM_PRODUCT_OTHER);
  g_assert_true (crm_store_get_price_floor (store, "ILS", &floor));
  g_assert_cmpint (floor, ==, 189000);

  g_assert_finalize_object (g_steal_pointer (&store));
  g_assert_true (crm_test_remove_dir (dir));
}

int
main (int   argc,
      char *argv[])
{
  if (!crm_test_init_backends (&argc, &argv, "/quote-store"))
    return g_test_run ();

  ADD ("/quote-store/tw-5/numbers-gap-free-per-year", "tw", test_tw_5_numbers_gap_free_per_year);
  ADD ("/quote-store/tw-5/create-takes-customer-and-organization", "tw",
       test_tw_5_create_takes_customer_and_organization);
  ADD ("/quote-store/rad-11/save-and-load-every-field", "rad", test_rad_11_save_and_load_every_field);
  ADD ("/quote-store/tw-5/sent-quote-is-immutable", "tw", test_tw_5_sent_quote_is_immutable);
  ADD ("/quote-store/tw-5/quote-states", "tw", test_tw_5_quote_states);
  ADD ("/quote-store/tw-6/send-refuses-pending-approval", "tw", test_tw_6_send_refuses_pending_approval);
  ADD ("/quote-store/tw-6/approval-holds-for-its-term", "tw", test_tw_6_approval_holds_for_its_term);
  ADD ("/quote-store/axl-9/send-sets-deal-amount-and-logs-con-1", "axl",
       test_axl_9_send_sets_deal_amount_and_logs_con_1);
  ADD ("/quote-store/tw-5/rep-refused-products-and-templates", "tw", test_tw_5_rep_refused_products_and_templates);
  ADD ("/quote-store/tw-5/bad-product-inputs", "tw", test_tw_5_bad_product_inputs);
  ADD ("/quote-store/axl-9/quote-from-template", "axl", test_axl_9_quote_from_template);
  ADD ("/quote-store/tw-5/demo-tw", "tw", test_tw_5_demo_has_masters_templates_and_quotes);
  ADD ("/quote-store/tw-5/demo-rad", "rad", test_tw_5_demo_has_masters_templates_and_quotes);
  ADD ("/quote-store/tw-5/demo-axl", "axl", test_tw_5_demo_has_masters_templates_and_quotes);
  ADD ("/quote-store/tw-5/demo-con", "con", test_tw_5_demo_has_masters_templates_and_quotes);
  ADD ("/quote-store/tw-5/demo-hs", "hs", test_tw_5_demo_has_masters_templates_and_quotes);
  /* An old file as an earlier Deals left it: no server database predates
   * team mode, so the migration from it is a file's. */
  crm_test_add_func_sqlite ("/quote-store/migration/from-version-6-keeps-products",
                            test_migration_from_version_6_keeps_products);

  return g_test_run ();
}
