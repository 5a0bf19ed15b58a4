/* crm-procedure-reader.c
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

#define G_LOG_DOMAIN "crm-procedure-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-procedure-private.h"

/* The strict reading of a template's JSON, shared by the loader and the
 * call-script reader: every lookup checks the type, every message starts
 * with the file name and says where in the document the problem is. */

#define MAX_KEY_LENGTH 64

static const char * const text_keys[] = { "en", "he", "ru", NULL };
static const char * const choice_keys[] = { "key", "name", NULL };

/* Error reporting. Every message starts with the file name and says where in
 * the document the problem is, as a JSON path such as
 * "pipelines[0].stages[2].rules.tasks[0].due". */

gboolean
_crm_loader_invalid (const Loader *loader,
                     GError      **error,
                     const char   *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
               "%s: %s", loader->file, message);

  return FALSE;
}

const char *
_crm_loader_describe_path (const char *path)
{
  return path[0] != '\0' ? path : _("the top-level object");
}

char *
_crm_loader_member_path (const char *path,
                         const char *member)
{
  if (path[0] == '\0')
    return g_strdup (member);

  return g_strdup_printf ("%s.%s", path, member);
}

char *
_crm_loader_element_path (const char *path,
                          guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

gboolean
_crm_loader_check_members (const Loader       *loader,
                           JsonObject         *object,
                           const char * const *allowed,
                           const char         *path,
                           GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (object == loader->duplicate_object)
    return _crm_loader_invalid (loader, error, _("duplicate key “%s” in %s"),
                                loader->duplicate_member, _crm_loader_describe_path (path));

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (!g_strv_contains (allowed, member))
        return _crm_loader_invalid (loader, error, _("unknown key “%s” in %s"),
                                    member, _crm_loader_describe_path (path));
    }

  return TRUE;
}

/* Looks up @member of @object and checks that it has @type. A missing
 * optional member sets *@out_node to %NULL and succeeds. */
static gboolean
lookup_member (const Loader  *loader,
               JsonObject    *object,
               const char    *path,
               const char    *member,
               JsonNodeType   type,
               gboolean       required,
               JsonNode     **out_node,
               GError       **error)
{
  g_autofree char *where = NULL;
  JsonNode *node;

  *out_node = NULL;

  node = json_object_get_member (object, member);
  if (node == NULL)
    {
      if (!required)
        return TRUE;

      return _crm_loader_invalid (loader, error, _("missing key “%s” in %s"),
                                  member, _crm_loader_describe_path (path));
    }

  where = _crm_loader_member_path (path, member);

  if (JSON_NODE_TYPE (node) != type)
    {
      switch (type)
        {
        case JSON_NODE_OBJECT:
          return _crm_loader_invalid (loader, error, _("“%s” must be an object"), where);
        case JSON_NODE_ARRAY:
          return _crm_loader_invalid (loader, error, _("“%s” must be an array"), where);
        case JSON_NODE_VALUE:
        case JSON_NODE_NULL:
        default:
          return _crm_loader_invalid (loader, error, _("“%s” must be a string"), where);
        }
    }

  if (type == JSON_NODE_VALUE && json_node_get_value_type (node) != G_TYPE_STRING)
    return _crm_loader_invalid (loader, error, _("“%s” must be a string"), where);

  *out_node = node;

  return TRUE;
}

gboolean
_crm_loader_lookup_string (const Loader  *loader,
                           JsonObject    *object,
                           const char    *path,
                           const char    *member,
                           gboolean       required,
                           const char   **out_string,
                           GError       **error)
{
  JsonNode *node;

  *out_string = NULL;

  if (!lookup_member (loader, object, path, member, JSON_NODE_VALUE, required, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  *out_string = json_node_get_string (node);

  if ((*out_string)[0] == '\0')
    {
      g_autofree char *where = _crm_loader_member_path (path, member);

      return _crm_loader_invalid (loader, error, _("“%s” must not be empty"), where);
    }

  return TRUE;
}

gboolean
_crm_loader_lookup_object (const Loader  *loader,
                           JsonObject    *object,
                           const char    *path,
                           const char    *member,
                           gboolean       required,
                           JsonObject   **out_object,
                           GError       **error)
{
  JsonNode *node;

  *out_object = NULL;

  if (!lookup_member (loader, object, path, member, JSON_NODE_OBJECT, required, &node, error))
    return FALSE;

  if (node != NULL)
    *out_object = json_node_get_object (node);

  return TRUE;
}

gboolean
_crm_loader_lookup_array (const Loader  *loader,
                          JsonObject    *object,
                          const char    *path,
                          const char    *member,
                          gboolean       required,
                          JsonArray    **out_array,
                          GError       **error)
{
  JsonNode *node;

  *out_array = NULL;

  if (!lookup_member (loader, object, path, member, JSON_NODE_ARRAY, required, &node, error))
    return FALSE;

  if (node != NULL)
    *out_array = json_node_get_array (node);

  return TRUE;
}

/* Elements of an array of objects. */
gboolean
_crm_loader_get_element_object (const Loader  *loader,
                                JsonArray     *array,
                                guint          index,
                                const char    *element,
                                JsonObject   **out_object,
                                GError       **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return _crm_loader_invalid (loader, error, _("“%s” must be an object"), element);

  *out_object = json_node_get_object (node);

  return TRUE;
}

static gboolean
is_valid_key (const char *key)
{
  gsize length = strlen (key);

  if (length == 0 || length > MAX_KEY_LENGTH)
    return FALSE;

  if (!g_ascii_islower (key[0]) && !g_ascii_isdigit (key[0]))
    return FALSE;

  for (const char *p = key; *p != '\0'; p++)
    {
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '-')
        return FALSE;
    }

  return TRUE;
}

/* Rule IDs as procedures.md writes them: "AXL-9", "RAD-10". */
static gboolean
is_valid_rule_id (const char *rule)
{
  const char *p = rule;

  if (!g_ascii_isupper (*p))
    return FALSE;

  while (g_ascii_isupper (*p))
    p++;

  if (*p++ != '-' || !g_ascii_isdigit (*p))
    return FALSE;

  while (g_ascii_isdigit (*p))
    p++;

  return *p == '\0';
}

gboolean
_crm_loader_lookup_key (const Loader  *loader,
                        JsonObject    *object,
                        const char    *path,
                        const char    *member,
                        gboolean       required,
                        const char   **out_key,
                        GError       **error)
{
  if (!_crm_loader_lookup_string (loader, object, path, member, required, out_key, error))
    return FALSE;

  if (*out_key != NULL && !is_valid_key (*out_key))
    {
      g_autofree char *where = _crm_loader_member_path (path, member);

      return _crm_loader_invalid (loader, error,
                                  _("“%s” in %s is not a valid key "
                                    "(use lower-case letters, digits, “_” and “-”)"),
                                  *out_key, where);
    }

  return TRUE;
}

/* An optional rule ID under another name than "rule" ("situation_rule"). */
gboolean
_crm_loader_lookup_rule_id_member (const Loader  *loader,
                                   JsonObject    *object,
                                   const char    *path,
                                   const char    *member,
                                   const char   **out_rule,
                                   GError       **error)
{
  if (!_crm_loader_lookup_string (loader, object, path, member, FALSE, out_rule, error))
    return FALSE;

  if (*out_rule != NULL && !is_valid_rule_id (*out_rule))
    {
      g_autofree char *where = _crm_loader_member_path (path, member);

      return _crm_loader_invalid (loader, error, _("“%s” in %s is not a rule ID such as “AXL-9”"),
                                  *out_rule, where);
    }

  return TRUE;
}

gboolean
_crm_loader_lookup_rule_id (const Loader  *loader,
                            JsonObject    *object,
                            const char    *path,
                            const char   **out_rule,
                            GError       **error)
{
  return _crm_loader_lookup_rule_id_member (loader, object, path, "rule", out_rule, error);
}

gboolean
_crm_loader_lookup_boolean (const Loader *loader,
                            JsonObject   *object,
                            const char   *path,
                            const char   *member,
                            gboolean     *out_value,
                            GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out_value = FALSE;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_autofree char *where = _crm_loader_member_path (path, member);

      return _crm_loader_invalid (loader, error, _("“%s” must be true or false"), where);
    }

  *out_value = json_node_get_boolean (node);

  return TRUE;
}

gboolean
_crm_loader_lookup_positive (const Loader *loader,
                             JsonObject   *object,
                             const char   *path,
                             const char   *member,
                             guint        *out_value,
                             GError      **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out_value = 0;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1 ||
      json_node_get_int (node) > G_MAXUINT)
    {
      g_autofree char *where = _crm_loader_member_path (path, member);

      return _crm_loader_invalid (loader, error, _("“%s” must be a whole number greater than zero"), where);
    }

  *out_value = (guint) json_node_get_int (node);

  return TRUE;
}

/* Looks up a string that must be one of @allowed; returns its index. */
gboolean
_crm_loader_lookup_enum (const Loader       *loader,
                         JsonObject         *object,
                         const char         *path,
                         const char         *member,
                         gboolean            required,
                         const char * const *allowed,
                         int                *out_index,
                         GError            **error)
{
  const char *value;

  *out_index = -1;

  if (!_crm_loader_lookup_string (loader, object, path, member, required, &value, error))
    return FALSE;

  if (value == NULL)
    return TRUE;

  for (guint i = 0; allowed[i] != NULL; i++)
    {
      if (g_str_equal (value, allowed[i]))
        {
          *out_index = i;
          return TRUE;
        }
    }

  {
    g_autofree char *where = _crm_loader_member_path (path, member);
    g_autofree char *expected = g_strjoinv (", ", (char **) allowed);

    return _crm_loader_invalid (loader, error, _("unknown value “%s” in %s (expected one of: %s)"),
                                value, where, expected);
  }
}

gboolean
_crm_loader_lookup_duration (const Loader *loader,
                             JsonObject   *object,
                             const char   *path,
                             const char   *member,
                             gboolean      required,
                             GError      **error)
{
  const char *value;

  if (!_crm_loader_lookup_string (loader, object, path, member, required, &value, error))
    return FALSE;

  if (value != NULL && !crm_procedure_parse_duration (value, NULL))
    {
      g_autofree char *where = _crm_loader_member_path (path, member);

      return _crm_loader_invalid (loader, error,
                                  _("_crm_loader_invalid duration “%s” in %s (expected ISO 8601 such as “PT30M” or “P1D”)"),
                                  value, where);
    }

  return TRUE;
}

/* A localised text: {"en": …, "he": …, "ru": …}; English is mandatory. */
gboolean
_crm_loader_parse_text_object (const Loader *loader,
                               JsonObject   *text,
                               const char   *path,
                               CrmText      *out_text,
                               GError      **error)
{
  const char *en;
  const char *he;
  const char *ru;

  if (!_crm_loader_check_members (loader, text, text_keys, path, error) ||
      !_crm_loader_lookup_string (loader, text, path, "en", TRUE, &en, error) ||
      !_crm_loader_lookup_string (loader, text, path, "he", FALSE, &he, error) ||
      !_crm_loader_lookup_string (loader, text, path, "ru", FALSE, &ru, error))
    return FALSE;

  if (out_text != NULL)
    {
      out_text->en = g_strdup (en);
      out_text->he = g_strdup (he);
      out_text->ru = g_strdup (ru);
    }

  return TRUE;
}

gboolean
_crm_loader_parse_text (const Loader *loader,
                        JsonObject   *object,
                        const char   *path,
                        const char   *member,
                        gboolean      required,
                        CrmText      *out_text,
                        GError      **error)
{
  g_autofree char *where = _crm_loader_member_path (path, member);
  JsonObject *text;

  if (!_crm_loader_lookup_object (loader, object, path, member, required, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  return _crm_loader_parse_text_object (loader, text, where, out_text, error);
}

/* Checks the "{name}" placeholders of one translation. There is no escape:
 * every "{" opens a placeholder, so a typo such as "{rep" or "{agent}" is
 * caught here instead of reaching the customer as it was written. */
static gboolean
check_placeholders_in (const Loader       *loader,
                       const char         *text,
                       const char         *path,
                       const char * const *allowed,
                       GError            **error)
{
  const char *p = text;

  while ((p = strchr (p, '{')) != NULL)
    {
      const char *end = strchr (p + 1, '}');
      const char *next_open = strchr (p + 1, '{');
      g_autofree char *name = NULL;

      if (end == NULL || (next_open != NULL && next_open < end))
        return _crm_loader_invalid (loader, error, _("“{” without a matching “}” in %s"), path);

      name = g_strndup (p + 1, end - p - 1);

      if (!g_strv_contains (allowed, name))
        {
          g_autoptr(GString) expected = g_string_new (NULL);

          for (guint i = 0; allowed[i] != NULL; i++)
            g_string_append_printf (expected, "%s{%s}", i > 0 ? ", " : "", allowed[i]);

          return _crm_loader_invalid (loader, error,
                                      _("unknown placeholder “{%s}” in %s (expected one of: %s)"),
                                      name, path, expected->str);
        }

      p = end + 1;
    }

  return TRUE;
}

/* Placeholders are checked in every language the text has: a translation
 * is said to the customer just as the English is. */
gboolean
_crm_loader_check_placeholders (const Loader       *loader,
                                const CrmText      *text,
                                const char         *path,
                                const char * const *allowed,
                                GError            **error)
{
  const struct {
    const char *language;
    const char *translation;
  } translations[] = {
    { "en", text->en },
    { "he", text->he },
    { "ru", text->ru },
  };

  for (guint i = 0; i < G_N_ELEMENTS (translations); i++)
    {
      g_autofree char *where = NULL;

      if (translations[i].translation == NULL)
        continue;

      where = _crm_loader_member_path (path, translations[i].language);

      if (!check_placeholders_in (loader, translations[i].translation, where, allowed, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
_crm_loader_check_unique (const Loader *loader,
                          GHashTable   *seen,
                          const char   *key,
                          const char   *path,
                          GError      **error)
{
  g_autofree char *where = NULL;

  if (g_hash_table_add (seen, (gpointer) key))
    return TRUE;

  where = _crm_loader_member_path (path, "key");

  return _crm_loader_invalid (loader, error, _("duplicate key “%s” in %s"), key, where);
}

/* An array of {"key", "name"}: field choices, sources, loss reasons. */
gboolean
_crm_loader_parse_choices (const Loader *loader,
                           JsonArray    *array,
                           const char   *path,
                           GPtrArray    *out_choices,
                           GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_choices = json_array_get_length (array);

  for (guint i = 0; i < n_choices; i++)
    {
      g_autofree char *element = _crm_loader_element_path (path, i);
      g_autoptr(CrmProcedureChoice) choice = g_new0 (CrmProcedureChoice, 1);
      JsonObject *object;
      const char *key;

      if (!_crm_loader_get_element_object (loader, array, i, element, &object, error) ||
          !_crm_loader_check_members (loader, object, choice_keys, element, error) ||
          !_crm_loader_lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !_crm_loader_check_unique (loader, seen, key, element, error) ||
          !_crm_loader_parse_text (loader, object, element, "name", TRUE, &choice->name, error))
        return FALSE;

      choice->key = g_strdup (key);
      g_ptr_array_add (out_choices, g_steal_pointer (&choice));
    }

  return TRUE;
}
