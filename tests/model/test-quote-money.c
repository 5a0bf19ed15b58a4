/* test-quote-money.c
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


#include "config.h"

#include <string.h>

#include "crm-procedure.h"
#include "crm-quote.h"

static CrmQuoteLine *
make_line (gint64 quantity, gint64 price, guint discount, guint vat)
{
  CrmQuoteLine *line = crm_quote_line_new ();

  crm_quote_line_set_description (line, "Item");
  crm_quote_line_set_quantity (line, quantity);
  crm_quote_line_set_unit_price (line, price);
  crm_quote_line_set_discount (line, discount);
  crm_quote_line_set_vat_rate (line, vat);
  return line;
}

static void
test_round_half_away (void)
{
  g_autoptr(CrmQuoteLine) line = make_line (500, 1, 0, 0);   /* 0.5 × 1 */
  gint64 net;

  g_assert_true (crm_quote_line_compute_net (line, &net, NULL));
  g_assert_cmpint (net, ==, 1);
  crm_quote_line_set_unit_price (line, -1);
  g_assert_true (crm_quote_line_compute_net (line, &net, NULL));
  g_assert_cmpint (net, ==, -1);
}

static void
test_vat_per_rate (void)
{
  g_autoptr(CrmQuoteVariant) variant = crm_quote_variant_new ("A");
  g_autoptr(CrmQuoteLine) a = make_line (1000, 5, 0, 1800);
  g_autoptr(CrmQuoteLine) b = make_line (1000, 5, 0, 1800);
  CrmQuoteTotals totals;

  crm_quote_variant_append_line (variant, a);
  crm_quote_variant_append_line (variant, b);
  g_assert_true (crm_quote_variant_compute_totals (variant, &totals, NULL));
  /* 18 % of 10 = 1.8 → 2 once; line by line it would be 1 + 1. */
  g_assert_cmpint (totals.vat, ==, 2);
  g_assert_cmpint (totals.total, ==, 12);
  g_assert_cmpuint (totals.rates->len, ==, 1);
  crm_quote_totals_clear (&totals);
}

static void
test_too_large (void)
{
  g_autoptr(CrmQuoteLine) line = make_line (G_MAXINT64 / 2, G_MAXINT64 / 2, 0, 0);
  g_autoptr(GError) error = NULL;
  gint64 net;

  g_assert_false (crm_quote_line_compute_net (line, &net, &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_TOO_LARGE);
}

static void
test_instalments_sum_exactly (void)
{
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("hs", NULL);

  g_assert_nonnull (procedure);

  for (gint64 price = 1; price < 5000; price += 37)
    for (guint n = 1; n <= 12; n++)
      {
        g_autoptr(CrmQuote) quote = crm_quote_new (procedure, "en", NULL);
        g_autoptr(CrmQuoteVariant) variant = crm_quote_variant_new ("A");
        g_autoptr(CrmQuoteLine) line = make_line (1000, price, 0, 1800);
        g_autoptr(GArray) charges = NULL;
        CrmQuoteTotals totals;
        gint64 sum = 0;

        crm_quote_variant_append_line (variant, line);
        crm_quote_set_payment_term (quote, crm_quote_get_payment_term (quote), n);
        charges = crm_quote_compute_schedule (quote, variant, NULL);
        g_assert_nonnull (charges);
        g_assert_true (crm_quote_variant_compute_totals (variant, &totals, NULL));
        for (guint i = 0; i < charges->len; i++)
          {
            CrmQuoteCharge *c = &g_array_index (charges, CrmQuoteCharge, i);
            sum += c->first_part + (gint64) (c->installments - 1) * c->other_part;
          }
        g_assert_cmpint (sum, ==, totals.total);
        crm_quote_totals_clear (&totals);
      }
}

/* A variant of two lines, each one unit at @price_a / @price_b, no VAT. */
static CrmQuoteVariant *
make_two_kinds (CrmProductKind kind_a, gint64 price_a,
                CrmProductKind kind_b, gint64 price_b)
{
  CrmQuoteVariant *variant = crm_quote_variant_new ("A");
  g_autoptr(CrmQuoteLine) a = make_line (1000, price_a, 0, 0);
  g_autoptr(CrmQuoteLine) b = make_line (1000, price_b, 0, 0);

  crm_quote_line_set_kind (a, kind_a);
  crm_quote_line_set_kind (b, kind_b);
  crm_quote_variant_append_line (variant, a);
  crm_quote_variant_append_line (variant, b);
  return variant;
}

static const CrmQuoteCharge *
charge_at (GArray *charges, guint i)
{
  g_assert_cmpuint (i, <, charges->len);
  return &g_array_index (charges, CrmQuoteCharge, i);
}

/* TW-7: the clock is charged before it ships, the module after training. */
static void
test_tw_7_clock_before_shipping (void)
{
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("tw", NULL);
  g_autoptr(CrmQuote) quote = crm_quote_new (procedure, "en", "ILS");
  g_autoptr(CrmQuoteVariant) variant = make_two_kinds (CRM_PRODUCT_HARDWARE, 189000,
                                                       CRM_PRODUCT_SOFTWARE, 120000);
  g_autoptr(GArray) charges = crm_quote_compute_schedule (quote, variant, NULL);

  g_assert_nonnull (charges);
  g_assert_cmpuint (charges->len, ==, 2);
  g_assert_cmpstr (charge_at (charges, 0)->key, ==, "before_shipping");
  g_assert_cmpint (charge_at (charges, 0)->amount, ==, 189000);
  g_assert_cmpstr (charge_at (charges, 1)->key, ==, "after_training");
  g_assert_cmpint (charge_at (charges, 1)->amount, ==, 120000);
  /* TW-6: the default term is the card in 12 payments. */
  g_assert_cmpuint (charge_at (charges, 0)->installments, ==, 12);
}

/* AXL-9: 50 % of the services and the whole licence on signing. */
static void
test_axl_9_prepayment_by_kind (void)
{
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("axl", NULL);
  g_autoptr(CrmQuote) quote = crm_quote_new (procedure, "ru", "RUB");
  g_autoptr(CrmQuoteVariant) variant = make_two_kinds (CRM_PRODUCT_SERVICE, 6000000,
                                                       CRM_PRODUCT_LICENCE, 1000000);
  g_autoptr(GArray) charges = crm_quote_compute_schedule (quote, variant, NULL);

  g_assert_nonnull (charges);
  g_assert_cmpuint (charges->len, ==, 2);
  g_assert_cmpstr (charge_at (charges, 0)->key, ==, "prepayment");
  g_assert_cmpint (charge_at (charges, 0)->amount, ==, 3000000 + 1000000);
  g_assert_cmpstr (charge_at (charges, 1)->key, ==, "on_completion");
  g_assert_cmpint (charge_at (charges, 1)->amount, ==, 3000000);
}

/* RAD-11: a prepayment of 50 % to 100 % before the order is launched. */
static void
test_rad_11_range (void)
{
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("rad", NULL);
  g_autoptr(CrmQuote) quote = crm_quote_new (procedure, "ru", "RUB");
  g_autoptr(CrmQuoteVariant) variant = make_two_kinds (CRM_PRODUCT_HARDWARE, 60000,
                                                       CRM_PRODUCT_SERVICE, 40000);
  g_autoptr(GArray) charges = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (crm_quote_get_prepayment_percent (quote), ==, 50);
  crm_quote_set_prepayment_percent (quote, 70);
  charges = crm_quote_compute_schedule (quote, variant, NULL);
  g_assert_nonnull (charges);
  g_assert_cmpstr (charge_at (charges, 0)->key, ==, "prepayment");
  g_assert_cmpint (charge_at (charges, 0)->amount, ==, 70000);
  g_assert_cmpint (charge_at (charges, 1)->amount, ==, 30000);

  crm_quote_add_variant (quote, variant);
  crm_quote_set_prepayment_percent (quote, 40);
  g_assert_false (crm_quote_check (quote, &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_TERM);
}

static void
on_changed (gpointer self, guint *n)
{
  (*n)++;
}

static void
test_check_copy_changed (void)
{
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("hs", NULL);
  g_autoptr(CrmQuote) quote = crm_quote_new (procedure, "en", NULL);
  g_autoptr(CrmQuote) copy = NULL;
  g_autoptr(CrmQuoteLine) line = make_line (0, 100, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmQuoteVariant) first = g_list_model_get_item (crm_quote_get_variants (quote), 0);
  guint n_changed = 0;

  g_signal_connect (quote, "changed", G_CALLBACK (on_changed), &n_changed);
  crm_quote_variant_append_line (first, line);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_false (crm_quote_check (quote, &error));
  g_assert_error (error, CRM_QUOTE_ERROR, CRM_QUOTE_ERROR_INVALID_QUANTITY);
  crm_quote_line_set_quantity (line, 1000);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (crm_quote_check (quote, NULL));

  copy = crm_quote_copy (quote);
  crm_quote_line_set_unit_price (line, 999);
  {
    g_autoptr(CrmQuoteVariant) v = g_list_model_get_item (crm_quote_get_variants (copy), 0);
    g_autoptr(CrmQuoteLine) l = g_list_model_get_item (crm_quote_variant_get_lines (v), 0);
    g_assert_cmpint (crm_quote_line_get_unit_price (l), ==, 100);
  }

  g_assert_false (crm_quote_has_bidi_controls (quote));
  crm_quote_set_customer (quote, "Dana \u202Eevil", NULL, NULL);
  g_assert_true (crm_quote_has_bidi_controls (quote));
}

/* The quote a check starts from: one good line in the first variant. */
static CrmQuote *
good_quote (CrmProcedure  *procedure,
            CrmQuoteLine **out_line)
{
  CrmQuote *quote = crm_quote_new (procedure, "en", NULL);
  g_autoptr(CrmQuoteVariant) first = g_list_model_get_item (crm_quote_get_variants (quote), 0);
  g_autoptr(CrmQuoteLine) line = make_line (1000, 10000, 0, 1800);

  crm_quote_variant_set_name (first, "Basic");
  crm_quote_variant_append_line (first, line);
  g_assert_true (crm_quote_check (quote, NULL));
  *out_line = line;

  return quote;
}

static void
break_empty_description (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_description (line, " \t ");
}

static void
break_long_description (CrmQuote *quote, CrmQuoteLine *line)
{
  g_autofree char *text = g_strnfill (CRM_QUOTE_MAX_DESCRIPTION + 1, 'x');

  crm_quote_line_set_description (line, text);
}

static void
break_zero_quantity (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_quantity (line, 0);
}

static void
break_negative_quantity (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_quantity (line, -1500);
}

static void
break_negative_price (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_unit_price (line, -1);
}

/* TW-5: the product master's lowest price. */
static void
break_below_floor (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_floor_price (line, 12000);
}

static void
break_currency (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_currency (line, "USD");
}

static void
break_discount (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_discount (line, 10001);
}

static void
break_too_large (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_line_set_quantity (line, G_MAXINT64 / 2);
  crm_quote_line_set_unit_price (line, G_MAXINT64 / 2);
}

static void
break_validity (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_set_valid_until (quote, "31.12.2026");
}

static void
break_term (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_set_payment_term (quote, "barter", 1);
}

/* TW-6: the card allows at most 12 payments. */
static void
break_instalments (CrmQuote *quote, CrmQuoteLine *line)
{
  crm_quote_set_payment_term (quote, crm_quote_get_payment_term (quote), 13);
}

static void
break_no_lines (CrmQuote *quote, CrmQuoteLine *line)
{
  g_autoptr(CrmQuoteVariant) empty = crm_quote_variant_new ("Extended");

  crm_quote_add_variant (quote, empty);
}

static void
break_too_many_lines (CrmQuote *quote, CrmQuoteLine *line)
{
  g_autoptr(CrmQuoteVariant) first = g_list_model_get_item (crm_quote_get_variants (quote), 0);

  for (guint i = 0; i < CRM_QUOTE_MAX_LINES; i++)
    {
      g_autoptr(CrmQuoteLine) more = make_line (1000, 100, 0, 0);

      crm_quote_variant_append_line (first, more);
    }
}

static void
break_no_variant (CrmQuote *quote, CrmQuoteLine *line)
{
  g_autoptr(CrmQuoteVariant) removed = crm_quote_remove_variant (quote, 0);
}

/* Every refusal of crm_quote_check(): its code names the field, its
 * message (for that field) names the problem, and a line's problem names
 * the line and its variant, so the editor can show it where it is. */
static void
test_check_messages (void)
{
  struct {
    void      (*break_it) (CrmQuote *quote, CrmQuoteLine *line);
    int         code;
    const char *message;
  } cases[] = {
    { break_empty_description, CRM_QUOTE_ERROR_INVALID_DESCRIPTION, "Line 1 of “Basic”: The line needs a description" },
    { break_long_description, CRM_QUOTE_ERROR_INVALID_DESCRIPTION, "The description is longer than 4000 characters" },
    { break_zero_quantity, CRM_QUOTE_ERROR_INVALID_QUANTITY, "Line 1 of “Basic”: The quantity must be more than zero" },
    { break_negative_quantity, CRM_QUOTE_ERROR_INVALID_QUANTITY, "The quantity must be more than zero" },
    { break_negative_price, CRM_QUOTE_ERROR_BELOW_FLOOR, "The unit price cannot be negative" },
    { break_below_floor, CRM_QUOTE_ERROR_BELOW_FLOOR, "below this product’s lowest price of 120 ILS" },
    { break_currency, CRM_QUOTE_ERROR_CURRENCY, "The line is in USD but the quote is in ILS" },
    { break_discount, CRM_QUOTE_ERROR_INVALID_DISCOUNT, "The discount cannot be more than 100 %" },
    { break_too_large, CRM_QUOTE_ERROR_TOO_LARGE, "Line 1 of “Basic”: The amount is too large to compute" },
    { break_validity, CRM_QUOTE_ERROR_INVALID_VALIDITY, "“31.12.2026” is not a date such as 2026-12-31" },
    { break_term, CRM_QUOTE_ERROR_INVALID_TERM, "“barter” is not a payment term of this procedure" },
    { break_instalments, CRM_QUOTE_ERROR_INVALID_TERM, "The payment term allows from 1 to 12 instalments" },
    { break_no_lines, CRM_QUOTE_ERROR_NO_LINES, "“Extended” has no lines" },
    { break_too_many_lines, CRM_QUOTE_ERROR_TOO_MANY_LINES, "“Basic” has 1001 lines; a variant holds at most 1000" },
    { break_no_variant, CRM_QUOTE_ERROR_NO_LINES, "The quote has no variant" },
  };
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("tw", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CrmQuoteLine *line = NULL;
      g_autoptr(CrmQuote) quote = good_quote (procedure, &line);
      g_autoptr(GError) error = NULL;

      cases[i].break_it (quote, line);
      g_assert_false (crm_quote_check (quote, &error));
      g_test_message ("%u: %s", i, error->message);
      g_assert_error (error, CRM_QUOTE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* AXL-9: one quote, several variants; the deal's amount becomes the
 * largest variant's total, the first of equal ones. */
static void
test_axl_9_largest_variant (void)
{
  g_autoptr(CrmProcedure) procedure = crm_procedure_load_builtin ("axl", NULL);
  g_autoptr(CrmQuote) quote = crm_quote_new (procedure, "ru", "RUB");
  g_autoptr(CrmQuoteVariant) basic = g_list_model_get_item (crm_quote_get_variants (quote), 0);
  g_autoptr(CrmQuoteVariant) extended = crm_quote_variant_new ("Extended");
  g_autoptr(CrmQuoteVariant) same = crm_quote_variant_new ("Same as Extended");
  g_autoptr(CrmQuoteLine) small = make_line (1000, 100000, 0, 2200);
  g_autoptr(CrmQuoteLine) big = make_line (2000, 100000, 1000, 2200);   /* 1,800.00 net */
  g_autoptr(CrmQuoteLine) big_too = make_line (2000, 100000, 1000, 2200);
  gint64 total = 0;

  crm_quote_variant_append_line (basic, small);
  crm_quote_variant_append_line (extended, big);
  crm_quote_variant_append_line (same, big_too);
  crm_quote_add_variant (quote, extended);
  crm_quote_add_variant (quote, same);

  g_assert_cmpuint (crm_quote_find_largest_variant (quote, &total), ==, 1);
  g_assert_cmpint (total, ==, 180000 + 39600);

  /* Cheaper than the first: the largest moves back to it. */
  crm_quote_line_set_quantity (big, 500);
  crm_quote_line_set_quantity (big_too, 500);
  g_assert_cmpuint (crm_quote_find_largest_variant (quote, &total), ==, 0);
  g_assert_cmpint (total, ==, 100000 + 22000);
}

/* TW-6, the one rule: an answer holds only for the term it was given
 * for; a term that needs nobody needs no answer. */
static void
test_tw_6_derive_approval (void)
{
  g_autoptr(CrmProcedure) tw = crm_procedure_load_builtin ("tw", NULL);

  g_assert_cmpuint (_crm_quote_derive_approval (tw, "card_standing_order", NULL, CRM_QUOTE_APPROVAL_NONE),
                    ==, CRM_QUOTE_APPROVAL_PENDING);
  g_assert_cmpuint (_crm_quote_derive_approval (tw, "card_standing_order", "card_standing_order",
                                                CRM_QUOTE_APPROVAL_APPROVED), ==, CRM_QUOTE_APPROVAL_APPROVED);
  g_assert_cmpuint (_crm_quote_derive_approval (tw, "card_standing_order", "card_standing_order",
                                                CRM_QUOTE_APPROVAL_REJECTED), ==, CRM_QUOTE_APPROVAL_REJECTED);
  g_assert_cmpuint (_crm_quote_derive_approval (tw, "card_standing_order", "bank_transfer",
                                                CRM_QUOTE_APPROVAL_APPROVED), ==, CRM_QUOTE_APPROVAL_PENDING);
  g_assert_cmpuint (_crm_quote_derive_approval (tw, "credit_card", "credit_card", CRM_QUOTE_APPROVAL_REJECTED),
                    ==, CRM_QUOTE_APPROVAL_NONE);
  g_assert_cmpuint (_crm_quote_derive_approval (tw, NULL, NULL, CRM_QUOTE_APPROVAL_APPROVED),
                    ==, CRM_QUOTE_APPROVAL_NONE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quote/money/round-half-away", test_round_half_away);
  g_test_add_func ("/quote/money/vat-per-rate", test_vat_per_rate);
  g_test_add_func ("/quote/money/too-large", test_too_large);
  g_test_add_func ("/quote/schedule/instalments-sum-exactly", test_instalments_sum_exactly);
  g_test_add_func ("/quote/schedule/tw-7-clock-before-shipping", test_tw_7_clock_before_shipping);
  g_test_add_func ("/quote/schedule/axl-9-prepayment-by-kind", test_axl_9_prepayment_by_kind);
  g_test_add_func ("/quote/schedule/rad-11-range", test_rad_11_range);
  g_test_add_func ("/quote/check-copy-changed", test_check_copy_changed);
  g_test_add_func ("/quote/check-messages", test_check_messages);
  g_test_add_func ("/quote/axl-9-largest-variant", test_axl_9_largest_variant);
  g_test_add_func ("/quote/tw-6-derive-approval", test_tw_6_derive_approval);

  return g_test_run ();
}
