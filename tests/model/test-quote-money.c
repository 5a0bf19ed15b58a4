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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quote/money/round-half-away", test_round_half_away);
  g_test_add_func ("/quote/money/vat-per-rate", test_vat_per_rate);
  g_test_add_func ("/quote/money/too-large", test_too_large);
  g_test_add_func ("/quote/schedule/instalments-sum-exactly", test_instalments_sum_exactly);
  g_test_add_func ("/quote/check-copy-changed", test_check_copy_changed);

  return g_test_run ();
}
