/* crm-strings.c
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

#define G_LOG_DOMAIN "crm-strings"

#include "config.h"

#include "crm-strings.h"

/**
 * crm_str_is_blank:
 * @text: (nullable): text someone typed
 *
 * Whether @text has nothing but white space (in any script: a no-break
 * space counts as space). Every form and every store check of "this field
 * is empty" asks this one question.
 *
 * Returns: %TRUE for %NULL, "" or white space only
 */
gboolean
crm_str_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;

  return TRUE;
}

/**
 * crm_str_find_key:
 * @keys: the stored keys of an enumeration, indexed by its values
 * @n_keys: how many there are
 * @key: (nullable): a key read back from the store or a template
 * @out_index: (out): where @key's index goes
 *
 * The one lookup from a stored key to the enumeration value it names, for
 * every enumeration that is kept as text.
 *
 * Returns: %TRUE if @key is one of @keys
 */
gboolean
crm_str_find_key (const char * const *keys,
                  guint               n_keys,
                  const char         *key,
                  guint              *out_index)
{
  g_return_val_if_fail (out_index != NULL, FALSE);

  for (guint i = 0; key != NULL && i < n_keys; i++)
    {
      if (g_str_equal (key, keys[i]))
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}
