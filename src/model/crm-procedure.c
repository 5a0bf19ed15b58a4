/* crm-procedure.c
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

#define G_LOG_DOMAIN "crm-procedure"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-procedure.h"
#include "crm-model-resources.h"

/* A procedure template: the pipelines, stages, stage rules and custom fields
 * a department works by (see docs/procedure-format.md). The loader is strict:
 * a template a manager edited by hand must fail loudly, naming the file and
 * the JSON path of the mistake, rather than run a sales process that quietly
 * differs from the written one.
 */

struct _CrmProcedure
{
  GObject     parent_instance;

  char       *id;
  CrmText     name;
  CrmText     description;
  char       *country;
  char       *currency;

  GPtrArray  *pipelines;      /* (element-type CrmProcedurePipeline) */
  GPtrArray  *fields;         /* (element-type CrmProcedureField) */
  GPtrArray  *sources;        /* (element-type CrmProcedureChoice) */
  GPtrArray  *loss_reasons;   /* (element-type CrmProcedureChoice) */

  /* Kept as parsed JSON until the engine that interprets them lands. */
  JsonArray  *attempt_ladder;
  JsonObject *refusal;

  /* The call script (TW-2, TW-3, TW-4), parsed; the section itself is kept
   * too, for the script editor to start from. */
  JsonObject *call_script;
  CrmText     situation_check;
  char       *situation_rule;
  CrmText     summary_subject;
  CrmText     summary_body;
  GPtrArray  *call_scripts;   /* (element-type CrmCallScript) */
  GPtrArray  *payment_terms;  /* (element-type CrmPaymentTerm) */

  /* The name messages refer to, so that a template rebuilt from this one
   * (crm_procedure_dup_with_call_script()) is reported under it too. */
  char       *file_name;
  GBytes     *bytes;
};

/* State shared by the validation helpers while one template is read. */
typedef struct
{
  const char   *file;
  CrmProcedure *procedure;

  /* json-glib keeps the last of two members with the same name; the
   * parser's signal lets us catch the first such repetition. */
  GHashTable   *n_members_seen;  /* JsonObject* → number of members parsed */
  JsonObject   *duplicate_object;
  char         *duplicate_member;
} Loader;

G_DEFINE_FINAL_TYPE (CrmProcedure, crm_procedure, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-procedure-error-quark, crm_procedure_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_COUNTRY,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define RESOURCE_PATH "/org/dealsdesk/Deals/model/procedures/"
#define FORMAT_VERSION 1
#define MAX_KEY_LENGTH 64

static const char * const builtin_ids[] = { "tw", "hs", "rad", "con", "axl", NULL };

/* Keys a stage's "required" list may name besides the template's own
 * fields: the built-in columns of deals, contacts and companies. */
static const char * const builtin_field_keys[] = {
  "source",
  "amount",
  "loss_reason",
  "contact.name",
  "contact.phone",
  "contact.email",
  "contact.position",
  "company.name",
  NULL
};

static const char * const top_level_keys[] = {
  "format", "id", "name", "description", "country", "currency", "pipelines", "fields",
  "sources", "loss_reasons", "attempt_ladder", "refusal", "call_script", "payment_terms", NULL
};
static const char * const refusal_keys[] = {
  "min_attempts", "min_silence", "attempt_reasons", "must_close_after", "rule", NULL
};
static const char * const text_keys[] = { "en", "he", "ru", NULL };
static const char * const choice_keys[] = { "key", "name", NULL };
static const char * const field_keys[] = {
  "key", "entity", "type", "name", "rule", "choices", NULL
};
static const char * const pipeline_keys[] = { "key", "name", "stages", NULL };
static const char * const stage_keys[] = { "key", "name", "kind", "rules", NULL };
static const char * const rules_keys[] = { "required", "tasks", "emails", "move_to", NULL };
static const char * const task_keys[] = { "title", "due", "assignee", "rule", NULL };
static const char * const email_keys[] = { "template", "to", "source", "rule", NULL };
static const char * const move_to_keys[] = { "pipeline", "stage", NULL };
static const char * const step_keys[] = {
  "action", "delay", "note", "template", "loss_reason", "rule", NULL
};

static const char * const call_script_keys[] = {
  "situation_check", "situation_rule", "summary", "scripts", NULL
};
static const char * const summary_keys[] = { "subject", "body", "rule", NULL };
static const char * const script_keys[] = {
  "key", "name", "rule", "sources", "opening", "stages", NULL
};
static const char * const script_stage_keys[] = {
  "key", "name", "goal", "prompts", "checklist", "questions", "objections", "guards", "rule", NULL
};
static const char * const item_keys[] = { "key", "text", NULL };
static const char * const question_keys[] = { "key", "text", "field", "mandatory", "rule", NULL };
static const char * const objection_keys[] = { "key", "objection", "answer", NULL };
static const char * const payment_term_keys[] = {
  "key", "name", "max_installments", "approval", "rule", NULL
};

/* Keys a call-script question may fill besides the template's own fields:
 * what a rep can learn on the phone, so not the loss reason. */
static const char * const question_builtin_keys[] = {
  "contact.name",
  "contact.position",
  "contact.email",
  "contact.phone",
  "company.name",
  "amount",
  "source",
  NULL
};

/* What the call panel fills in: the opening line is said to the customer
 * (AXL-7), the summary is mailed to the sales manager (TW-4). */
static const char * const opening_placeholders[] = { "rep", "company", "contact", "source", NULL };
static const char * const summary_placeholders[] = {
  "deal", "rep", "contact", "phone", "email", "company", "outcome", "duration", "stages",
  "answers", "note", "next_contact", NULL
};

/* In the order of the CrmScriptGuards bits: bit 1 << index. */
static const char * const script_guards[] = { "price_rule", "payment_terms", NULL };
static const char * const approvals[] = { "manager", NULL };

/* In the order of CrmStageKind and CrmFieldType: the index is the value. */
static const char * const stage_kinds[] = { "open", "won", "lost", NULL };
static const char * const field_types[] = { "text", "number", "choice", "boolean", "date", NULL };
static const char * const entities[] = { "deal", "contact", NULL };
static const char * const assignees[] = { "owner", "manager", NULL };
static const char * const recipients[] = { "contact", "manager", NULL };
static const char * const step_actions[] = { "call", "call_hidden", "email", "close", NULL };

static void
crm_text_clear (CrmText *text)
{
  g_clear_pointer (&text->en, g_free);
  g_clear_pointer (&text->he, g_free);
  g_clear_pointer (&text->ru, g_free);
}

static void
crm_procedure_choice_free (CrmProcedureChoice *choice)
{
  g_free (choice->key);
  crm_text_clear (&choice->name);
  g_free (choice);
}

static void
crm_procedure_field_free (CrmProcedureField *field)
{
  g_free (field->key);
  crm_text_clear (&field->name);
  g_free (field->entity);
  g_free (field->rule);
  g_clear_pointer (&field->choices, g_ptr_array_unref);
  g_free (field);
}

static void
crm_procedure_stage_free (CrmProcedureStage *stage)
{
  g_free (stage->key);
  crm_text_clear (&stage->name);
  g_clear_pointer (&stage->rules, json_object_unref);
  g_free (stage);
}

static void
crm_procedure_pipeline_free (CrmProcedurePipeline *pipeline)
{
  g_free (pipeline->key);
  crm_text_clear (&pipeline->name);
  g_clear_pointer (&pipeline->stages, g_ptr_array_unref);
  g_free (pipeline);
}

static void
crm_text_free (CrmText *text)
{
  crm_text_clear (text);
  g_free (text);
}

static void
crm_script_item_free (CrmScriptItem *item)
{
  g_free (item->key);
  crm_text_clear (&item->text);
  g_free (item);
}

static void
crm_script_question_free (CrmScriptQuestion *question)
{
  g_free (question->key);
  crm_text_clear (&question->text);
  g_free (question->field);
  g_free (question->rule);
  g_free (question);
}

static void
crm_script_objection_free (CrmScriptObjection *objection)
{
  g_free (objection->key);
  crm_text_clear (&objection->objection);
  crm_text_clear (&objection->answer);
  g_free (objection);
}

static void
crm_script_stage_free (CrmScriptStage *stage)
{
  g_free (stage->key);
  crm_text_clear (&stage->name);
  crm_text_clear (&stage->goal);
  g_clear_pointer (&stage->prompts, g_ptr_array_unref);
  g_clear_pointer (&stage->checklist, g_ptr_array_unref);
  g_clear_pointer (&stage->questions, g_ptr_array_unref);
  g_clear_pointer (&stage->objections, g_ptr_array_unref);
  g_free (stage->rule);
  g_free (stage);
}

static void
crm_call_script_free (CrmCallScript *script)
{
  g_free (script->key);
  crm_text_clear (&script->name);
  crm_text_clear (&script->opening);
  g_clear_pointer (&script->sources, g_strfreev);
  g_clear_pointer (&script->stages, g_ptr_array_unref);
  g_free (script->rule);
  g_free (script);
}

static void
crm_payment_term_free (CrmPaymentTerm *term)
{
  g_free (term->key);
  crm_text_clear (&term->name);
  g_free (term->rule);
  g_free (term);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedureChoice, crm_procedure_choice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedureField, crm_procedure_field_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedureStage, crm_procedure_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmProcedurePipeline, crm_procedure_pipeline_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmText, crm_text_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptItem, crm_script_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptQuestion, crm_script_question_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptObjection, crm_script_objection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmScriptStage, crm_script_stage_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCallScript, crm_call_script_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPaymentTerm, crm_payment_term_free)

/* Error reporting. Every message starts with the file name and says where in
 * the document the problem is, as a JSON path such as
 * "pipelines[0].stages[2].rules.tasks[0].due". */

static gboolean
invalid (const Loader *loader,
         GError      **error,
         const char   *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (const Loader *loader,
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

static const char *
describe_path (const char *path)
{
  return path[0] != '\0' ? path : _("the top-level object");
}

static char *
member_path (const char *path,
             const char *member)
{
  if (path[0] == '\0')
    return g_strdup (member);

  return g_strdup_printf ("%s.%s", path, member);
}

static char *
element_path (const char *path,
              guint       index)
{
  return g_strdup_printf ("%s[%u]", path, index);
}

static gboolean
check_members (const Loader       *loader,
               JsonObject         *object,
               const char * const *allowed,
               const char         *path,
               GError            **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  if (object == loader->duplicate_object)
    return invalid (loader, error, _("duplicate key “%s” in %s"),
                    loader->duplicate_member, describe_path (path));

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;

      if (!g_strv_contains (allowed, member))
        return invalid (loader, error, _("unknown key “%s” in %s"),
                        member, describe_path (path));
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

      return invalid (loader, error, _("missing key “%s” in %s"),
                      member, describe_path (path));
    }

  where = member_path (path, member);

  if (JSON_NODE_TYPE (node) != type)
    {
      switch (type)
        {
        case JSON_NODE_OBJECT:
          return invalid (loader, error, _("“%s” must be an object"), where);
        case JSON_NODE_ARRAY:
          return invalid (loader, error, _("“%s” must be an array"), where);
        case JSON_NODE_VALUE:
        case JSON_NODE_NULL:
        default:
          return invalid (loader, error, _("“%s” must be a string"), where);
        }
    }

  if (type == JSON_NODE_VALUE && json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (loader, error, _("“%s” must be a string"), where);

  *out_node = node;

  return TRUE;
}

static gboolean
lookup_string (const Loader  *loader,
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
      g_autofree char *where = member_path (path, member);

      return invalid (loader, error, _("“%s” must not be empty"), where);
    }

  return TRUE;
}

static gboolean
lookup_object (const Loader  *loader,
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

static gboolean
lookup_array (const Loader  *loader,
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
static gboolean
get_element_object (const Loader  *loader,
                    JsonArray     *array,
                    guint          index,
                    const char    *element,
                    JsonObject   **out_object,
                    GError       **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (loader, error, _("“%s” must be an object"), element);

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

static gboolean
lookup_key (const Loader  *loader,
            JsonObject    *object,
            const char    *path,
            const char    *member,
            gboolean       required,
            const char   **out_key,
            GError       **error)
{
  if (!lookup_string (loader, object, path, member, required, out_key, error))
    return FALSE;

  if (*out_key != NULL && !is_valid_key (*out_key))
    {
      g_autofree char *where = member_path (path, member);

      return invalid (loader, error,
                      _("“%s” in %s is not a valid key "
                        "(use lower-case letters, digits, “_” and “-”)"),
                      *out_key, where);
    }

  return TRUE;
}

/* An optional rule ID under another name than "rule" ("situation_rule"). */
static gboolean
lookup_rule_id_member (const Loader  *loader,
                       JsonObject    *object,
                       const char    *path,
                       const char    *member,
                       const char   **out_rule,
                       GError       **error)
{
  if (!lookup_string (loader, object, path, member, FALSE, out_rule, error))
    return FALSE;

  if (*out_rule != NULL && !is_valid_rule_id (*out_rule))
    {
      g_autofree char *where = member_path (path, member);

      return invalid (loader, error, _("“%s” in %s is not a rule ID such as “AXL-9”"),
                      *out_rule, where);
    }

  return TRUE;
}

static gboolean
lookup_rule_id (const Loader  *loader,
                JsonObject    *object,
                const char    *path,
                const char   **out_rule,
                GError       **error)
{
  return lookup_rule_id_member (loader, object, path, "rule", out_rule, error);
}

static gboolean
lookup_boolean (const Loader *loader,
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
      g_autofree char *where = member_path (path, member);

      return invalid (loader, error, _("“%s” must be true or false"), where);
    }

  *out_value = json_node_get_boolean (node);

  return TRUE;
}

static gboolean
lookup_positive (const Loader *loader,
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
      g_autofree char *where = member_path (path, member);

      return invalid (loader, error, _("“%s” must be a whole number greater than zero"), where);
    }

  *out_value = (guint) json_node_get_int (node);

  return TRUE;
}

/* Looks up a string that must be one of @allowed; returns its index. */
static gboolean
lookup_enum (const Loader       *loader,
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

  if (!lookup_string (loader, object, path, member, required, &value, error))
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
    g_autofree char *where = member_path (path, member);
    g_autofree char *expected = g_strjoinv (", ", (char **) allowed);

    return invalid (loader, error, _("unknown value “%s” in %s (expected one of: %s)"),
                    value, where, expected);
  }
}

static gboolean
lookup_duration (const Loader *loader,
                 JsonObject   *object,
                 const char   *path,
                 const char   *member,
                 gboolean      required,
                 GError      **error)
{
  const char *value;

  if (!lookup_string (loader, object, path, member, required, &value, error))
    return FALSE;

  if (value != NULL && !crm_procedure_parse_duration (value, NULL))
    {
      g_autofree char *where = member_path (path, member);

      return invalid (loader, error,
                      _("invalid duration “%s” in %s (expected ISO 8601 such as “PT30M” or “P1D”)"),
                      value, where);
    }

  return TRUE;
}

/* A localised text: {"en": …, "he": …, "ru": …}; English is mandatory. */
static gboolean
parse_text_object (const Loader *loader,
                   JsonObject   *text,
                   const char   *path,
                   CrmText      *out_text,
                   GError      **error)
{
  const char *en;
  const char *he;
  const char *ru;

  if (!check_members (loader, text, text_keys, path, error) ||
      !lookup_string (loader, text, path, "en", TRUE, &en, error) ||
      !lookup_string (loader, text, path, "he", FALSE, &he, error) ||
      !lookup_string (loader, text, path, "ru", FALSE, &ru, error))
    return FALSE;

  if (out_text != NULL)
    {
      out_text->en = g_strdup (en);
      out_text->he = g_strdup (he);
      out_text->ru = g_strdup (ru);
    }

  return TRUE;
}

static gboolean
parse_text (const Loader *loader,
            JsonObject   *object,
            const char   *path,
            const char   *member,
            gboolean      required,
            CrmText      *out_text,
            GError      **error)
{
  g_autofree char *where = member_path (path, member);
  JsonObject *text;

  if (!lookup_object (loader, object, path, member, required, &text, error))
    return FALSE;

  if (text == NULL)
    return TRUE;

  return parse_text_object (loader, text, where, out_text, error);
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
        return invalid (loader, error, _("“{” without a matching “}” in %s"), path);

      name = g_strndup (p + 1, end - p - 1);

      if (!g_strv_contains (allowed, name))
        {
          g_autoptr(GString) expected = g_string_new (NULL);

          for (guint i = 0; allowed[i] != NULL; i++)
            g_string_append_printf (expected, "%s{%s}", i > 0 ? ", " : "", allowed[i]);

          return invalid (loader, error,
                          _("unknown placeholder “{%s}” in %s (expected one of: %s)"),
                          name, path, expected->str);
        }

      p = end + 1;
    }

  return TRUE;
}

/* Placeholders are checked in every language the text has: a translation
 * is said to the customer just as the English is. */
static gboolean
check_placeholders (const Loader       *loader,
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

      where = member_path (path, translations[i].language);

      if (!check_placeholders_in (loader, translations[i].translation, where, allowed, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_unique (const Loader *loader,
              GHashTable   *seen,
              const char   *key,
              const char   *path,
              GError      **error)
{
  g_autofree char *where = NULL;

  if (g_hash_table_add (seen, (gpointer) key))
    return TRUE;

  where = member_path (path, "key");

  return invalid (loader, error, _("duplicate key “%s” in %s"), key, where);
}

/* An array of {"key", "name"}: field choices, sources, loss reasons. */
static gboolean
parse_choices (const Loader *loader,
               JsonArray    *array,
               const char   *path,
               GPtrArray    *out_choices,
               GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_choices = json_array_get_length (array);

  for (guint i = 0; i < n_choices; i++)
    {
      g_autofree char *element = element_path (path, i);
      g_autoptr(CrmProcedureChoice) choice = g_new0 (CrmProcedureChoice, 1);
      JsonObject *object;
      const char *key;

      if (!get_element_object (loader, array, i, element, &object, error) ||
          !check_members (loader, object, choice_keys, element, error) ||
          !lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !check_unique (loader, seen, key, element, error) ||
          !parse_text (loader, object, element, "name", TRUE, &choice->name, error))
        return FALSE;

      choice->key = g_strdup (key);
      g_ptr_array_add (out_choices, g_steal_pointer (&choice));
    }

  return TRUE;
}

static gboolean
parse_field (const Loader       *loader,
             JsonObject         *object,
             const char         *path,
             CrmProcedureField  *field,
             GError            **error)
{
  JsonArray *choices;
  const char *key;
  const char *rule;
  int entity;
  int type;

  if (!check_members (loader, object, field_keys, path, error) ||
      !lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !lookup_enum (loader, object, path, "entity", TRUE, entities, &entity, error) ||
      !lookup_enum (loader, object, path, "type", TRUE, field_types, &type, error) ||
      !parse_text (loader, object, path, "name", TRUE, &field->name, error) ||
      !lookup_rule_id (loader, object, path, &rule, error) ||
      !lookup_array (loader, object, path, "choices", type == CRM_FIELD_CHOICE, &choices, error))
    return FALSE;

  /* A custom field must not shadow a built-in column. */
  if (g_strv_contains (builtin_field_keys, key))
    {
      g_autofree char *where = member_path (path, "key");

      return invalid (loader, error, _("“%s” in %s is a built-in field and cannot be redefined"),
                      key, where);
    }

  field->key = g_strdup (key);
  field->entity = g_strdup (entities[entity]);
  field->type = (CrmFieldType) type;
  field->rule = g_strdup (rule);
  field->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_procedure_choice_free);

  if (choices != NULL)
    {
      g_autofree char *where = member_path (path, "choices");

      if (type != CRM_FIELD_CHOICE)
        return invalid (loader, error, _("“%s” is only allowed in fields of type “choice”"), where);

      if (json_array_get_length (choices) == 0)
        return invalid (loader, error, _("“%s” must not be empty"), where);

      if (!parse_choices (loader, choices, where, field->choices, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_fields (const Loader *loader,
              JsonArray    *array,
              GPtrArray    *out_fields,
              GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_fields = json_array_get_length (array);

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *element = element_path ("fields", i);
      g_autoptr(CrmProcedureField) field = g_new0 (CrmProcedureField, 1);
      JsonObject *object;

      if (!get_element_object (loader, array, i, element, &object, error) ||
          !parse_field (loader, object, element, field, error) ||
          !check_unique (loader, seen, field->key, element, error))
        return FALSE;

      g_ptr_array_add (out_fields, g_steal_pointer (&field));
    }

  return TRUE;
}

static gboolean
parse_stage (const Loader       *loader,
             JsonObject         *object,
             const char         *path,
             CrmProcedureStage  *stage,
             GError            **error)
{
  JsonObject *rules;
  const char *key;
  int kind;

  if (!check_members (loader, object, stage_keys, path, error) ||
      !lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !parse_text (loader, object, path, "name", TRUE, &stage->name, error) ||
      !lookup_enum (loader, object, path, "kind", TRUE, stage_kinds, &kind, error) ||
      !lookup_object (loader, object, path, "rules", FALSE, &rules, error))
    return FALSE;

  stage->key = g_strdup (key);
  stage->kind = (CrmStageKind) kind;

  /* Validated in a second pass, once every field and pipeline is known. */
  if (rules != NULL)
    stage->rules = json_object_ref (rules);

  return TRUE;
}

static gboolean
parse_pipeline (const Loader          *loader,
                JsonObject            *object,
                const char            *path,
                CrmProcedurePipeline  *pipeline,
                GError               **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *stages_path = member_path (path, "stages");
  JsonArray *stages;
  const char *key;
  guint n_stages;

  if (!check_members (loader, object, pipeline_keys, path, error) ||
      !lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !parse_text (loader, object, path, "name", TRUE, &pipeline->name, error) ||
      !lookup_array (loader, object, path, "stages", TRUE, &stages, error))
    return FALSE;

  pipeline->key = g_strdup (key);
  pipeline->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_procedure_stage_free);

  n_stages = json_array_get_length (stages);
  if (n_stages == 0)
    return invalid (loader, error, _("“%s” must not be empty"), stages_path);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *element = element_path (stages_path, i);
      g_autoptr(CrmProcedureStage) stage = g_new0 (CrmProcedureStage, 1);
      JsonObject *stage_object;

      if (!get_element_object (loader, stages, i, element, &stage_object, error) ||
          !parse_stage (loader, stage_object, element, stage, error) ||
          !check_unique (loader, seen, stage->key, element, error))
        return FALSE;

      /* New deals enter the first stage; it cannot be a final one. */
      if (i == 0 && stage->kind != CRM_STAGE_OPEN)
        {
          g_autofree char *where = member_path (element, "kind");

          return invalid (loader, error, _("the first stage of a pipeline must be open (%s)"),
                          where);
        }

      g_ptr_array_add (pipeline->stages, g_steal_pointer (&stage));
    }

  return TRUE;
}

static gboolean
parse_pipelines (const Loader *loader,
                 JsonArray    *array,
                 GPtrArray    *out_pipelines,
                 GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_pipelines = json_array_get_length (array);

  if (n_pipelines == 0)
    return invalid (loader, error, _("“%s” must not be empty"), "pipelines");

  for (guint i = 0; i < n_pipelines; i++)
    {
      g_autofree char *element = element_path ("pipelines", i);
      g_autoptr(CrmProcedurePipeline) pipeline = g_new0 (CrmProcedurePipeline, 1);
      JsonObject *object;

      if (!get_element_object (loader, array, i, element, &object, error) ||
          !parse_pipeline (loader, object, element, pipeline, error) ||
          !check_unique (loader, seen, pipeline->key, element, error))
        return FALSE;

      g_ptr_array_add (out_pipelines, g_steal_pointer (&pipeline));
    }

  return TRUE;
}

static gboolean
has_choice (GPtrArray  *choices,
            const char *key)
{
  for (guint i = 0; i < choices->len; i++)
    {
      const CrmProcedureChoice *choice = g_ptr_array_index (choices, i);

      if (g_str_equal (choice->key, key))
        return TRUE;
    }

  return FALSE;
}

/* Stage rules: "required", "tasks", "emails", "move_to" (AXL-9 is the
 * richest example: required fields, a task with a deadline, a welcome email
 * and, on Launched, the move to the production pipeline). */
static gboolean
validate_required (const Loader *loader,
                   JsonArray    *required,
                   const char   *path,
                   GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_required = json_array_get_length (required);

  for (guint i = 0; i < n_required; i++)
    {
      g_autofree char *element = element_path (path, i);
      JsonNode *node = json_array_get_element (required, i);
      const char *key;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (loader, error, _("“%s” must be a string"), element);

      key = json_node_get_string (node);

      if (!g_strv_contains (builtin_field_keys, key) &&
          crm_procedure_find_field (loader->procedure, key) == NULL)
        return invalid (loader, error, _("required field “%s” in %s is not defined"),
                        key, element);

      if (!g_hash_table_add (seen, (gpointer) key))
        return invalid (loader, error, _("duplicate key “%s” in %s"), key, element);
    }

  return TRUE;
}

static gboolean
validate_tasks (const Loader *loader,
                JsonArray    *tasks,
                const char   *path,
                GError      **error)
{
  guint n_tasks = json_array_get_length (tasks);

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autofree char *element = element_path (path, i);
      JsonObject *task;
      const char *rule;
      int assignee;

      if (!get_element_object (loader, tasks, i, element, &task, error) ||
          !check_members (loader, task, task_keys, element, error) ||
          !parse_text (loader, task, element, "title", TRUE, NULL, error) ||
          !lookup_duration (loader, task, element, "due", TRUE, error) ||
          !lookup_enum (loader, task, element, "assignee", FALSE, assignees, &assignee, error) ||
          !lookup_rule_id (loader, task, element, &rule, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
validate_emails (const Loader *loader,
                 JsonArray    *emails,
                 const char   *path,
                 GError      **error)
{
  guint n_emails = json_array_get_length (emails);

  for (guint i = 0; i < n_emails; i++)
    {
      g_autofree char *element = element_path (path, i);
      JsonObject *email;
      const char *template_key;
      const char *source;
      const char *rule;
      int to;

      if (!get_element_object (loader, emails, i, element, &email, error) ||
          !check_members (loader, email, email_keys, element, error) ||
          !lookup_key (loader, email, element, "template", TRUE, &template_key, error) ||
          !lookup_enum (loader, email, element, "to", FALSE, recipients, &to, error) ||
          !lookup_key (loader, email, element, "source", FALSE, &source, error) ||
          !lookup_rule_id (loader, email, element, &rule, error))
        return FALSE;

      if (source != NULL && !has_choice (loader->procedure->sources, source))
        {
          g_autofree char *where = member_path (element, "source");

          return invalid (loader, error, _("source “%s” in %s is not defined"), source, where);
        }
    }

  return TRUE;
}

static gboolean
validate_move_to (const Loader *loader,
                  JsonObject   *move_to,
                  const char   *path,
                  GError      **error)
{
  const char *pipeline_key;
  const char *stage_key;

  if (!check_members (loader, move_to, move_to_keys, path, error) ||
      !lookup_key (loader, move_to, path, "pipeline", TRUE, &pipeline_key, error) ||
      !lookup_key (loader, move_to, path, "stage", TRUE, &stage_key, error))
    return FALSE;

  if (crm_procedure_find_pipeline (loader->procedure, pipeline_key) == NULL)
    {
      g_autofree char *where = member_path (path, "pipeline");

      return invalid (loader, error, _("pipeline “%s” in %s is not defined"), pipeline_key, where);
    }

  if (crm_procedure_find_stage (loader->procedure, pipeline_key, stage_key) == NULL)
    {
      g_autofree char *where = member_path (path, "stage");

      return invalid (loader, error, _("stage “%s” in %s is not defined"), stage_key, where);
    }

  return TRUE;
}

static gboolean
validate_rules (const Loader *loader,
                JsonObject   *rules,
                const char   *path,
                GError      **error)
{
  g_autofree char *required_path = member_path (path, "required");
  g_autofree char *tasks_path = member_path (path, "tasks");
  g_autofree char *emails_path = member_path (path, "emails");
  g_autofree char *move_to_path = member_path (path, "move_to");
  JsonArray *required;
  JsonArray *tasks;
  JsonArray *emails;
  JsonObject *move_to;

  if (!check_members (loader, rules, rules_keys, path, error) ||
      !lookup_array (loader, rules, path, "required", FALSE, &required, error) ||
      !lookup_array (loader, rules, path, "tasks", FALSE, &tasks, error) ||
      !lookup_array (loader, rules, path, "emails", FALSE, &emails, error) ||
      !lookup_object (loader, rules, path, "move_to", FALSE, &move_to, error))
    return FALSE;

  if (required != NULL && !validate_required (loader, required, required_path, error))
    return FALSE;

  if (tasks != NULL && !validate_tasks (loader, tasks, tasks_path, error))
    return FALSE;

  if (emails != NULL && !validate_emails (loader, emails, emails_path, error))
    return FALSE;

  if (move_to != NULL && !validate_move_to (loader, move_to, move_to_path, error))
    return FALSE;

  return TRUE;
}

static gboolean
validate_all_rules (const Loader *loader,
                    GError      **error)
{
  GPtrArray *pipelines = loader->procedure->pipelines;

  for (guint i = 0; i < pipelines->len; i++)
    {
      const CrmProcedurePipeline *pipeline = g_ptr_array_index (pipelines, i);

      for (guint j = 0; j < pipeline->stages->len; j++)
        {
          const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, j);
          g_autofree char *path = NULL;

          if (stage->rules == NULL)
            continue;

          path = g_strdup_printf ("pipelines[%u].stages[%u].rules", i, j);

          if (!validate_rules (loader, stage->rules, path, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* The attempt ladder for leads that do not answer (AXL-1, TW-1): call,
 * call from a hidden number, email, and finally close as lost. */
static gboolean
validate_attempt_ladder (const Loader *loader,
                         JsonArray    *ladder,
                         GError      **error)
{
  guint n_steps = json_array_get_length (ladder);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *element = element_path ("attempt_ladder", i);
      JsonObject *step;
      const char *template_key;
      const char *loss_reason;
      const char *rule;
      gboolean is_email;
      gboolean is_close;
      int action;

      if (!get_element_object (loader, ladder, i, element, &step, error) ||
          !check_members (loader, step, step_keys, element, error) ||
          !lookup_enum (loader, step, element, "action", TRUE, step_actions, &action, error))
        return FALSE;

      is_email = g_str_equal (step_actions[action], "email");
      is_close = g_str_equal (step_actions[action], "close");

      if (!lookup_duration (loader, step, element, "delay", FALSE, error) ||
          !parse_text (loader, step, element, "note", FALSE, NULL, error) ||
          !lookup_key (loader, step, element, "template", is_email, &template_key, error) ||
          !lookup_key (loader, step, element, "loss_reason", is_close, &loss_reason, error) ||
          !lookup_rule_id (loader, step, element, &rule, error))
        return FALSE;

      if (template_key != NULL && !is_email)
        return invalid (loader, error, _("“template” in %s is only allowed with action “email”"),
                        element);

      if (loss_reason != NULL && !is_close)
        return invalid (loader, error, _("“loss_reason” in %s is only allowed with action “close”"),
                        element);

      if (loss_reason != NULL && !has_choice (loader->procedure->loss_reasons, loss_reason))
        {
          g_autofree char *where = member_path (element, "loss_reason");

          return invalid (loader, error, _("loss reason “%s” in %s is not defined"),
                          loss_reason, where);
        }

      /* Closing the deal ends the ladder (AXL-1: "could not reach"). */
      if (is_close && i + 1 < n_steps)
        return invalid (loader, error, _("the “close” step in %s must be the last one"), element);
    }

  return TRUE;
}

/* The refusal rules (AXL-10): closing for lack of an answer needs enough
 * attempts and enough silence since the last contact, and a deal silent
 * for long enough must be closed. */
static gboolean
validate_refusal (const Loader *loader,
                  JsonObject   *refusal,
                  GError      **error)
{
  const char *rule;

  if (!check_members (loader, refusal, refusal_keys, "refusal", error) ||
      !lookup_duration (loader, refusal, "refusal", "min_silence", FALSE, error) ||
      !lookup_duration (loader, refusal, "refusal", "must_close_after", FALSE, error) ||
      !lookup_rule_id (loader, refusal, "refusal", &rule, error))
    return FALSE;

  if (json_object_has_member (refusal, "min_attempts"))
    {
      JsonNode *node = json_object_get_member (refusal, "min_attempts");

      if (json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 0)
        return invalid (loader, error, _("“min_attempts” in refusal must be a whole number"));
    }

  if (json_object_has_member (refusal, "attempt_reasons"))
    {
      JsonNode *node = json_object_get_member (refusal, "attempt_reasons");
      JsonArray *reasons;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return invalid (loader, error, _("“attempt_reasons” in refusal must be a list of loss reasons"));

      reasons = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (reasons); i++)
        {
          const char *key = json_array_get_string_element (reasons, i);

          if (key == NULL || !has_choice (loader->procedure->loss_reasons, key))
            return invalid (loader, error, _("loss reason “%s” in refusal.attempt_reasons[%u] is not defined"),
                            key ? key : "", i);
        }
    }

  return TRUE;
}

/* The payment terms in the order of preference (TW-6). The first is what
 * the rep offers as *the* terms, so it cannot be one that needs the sales
 * manager's approval. */
static gboolean
parse_payment_terms (const Loader *loader,
                     JsonArray    *array,
                     GPtrArray    *out_terms,
                     GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_terms = json_array_get_length (array);

  for (guint i = 0; i < n_terms; i++)
    {
      g_autofree char *element = element_path ("payment_terms", i);
      g_autoptr(CrmPaymentTerm) term = g_new0 (CrmPaymentTerm, 1);
      JsonObject *object;
      const char *key;
      const char *rule;
      int approval;

      if (!get_element_object (loader, array, i, element, &object, error) ||
          !check_members (loader, object, payment_term_keys, element, error) ||
          !lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !check_unique (loader, seen, key, element, error) ||
          !parse_text (loader, object, element, "name", TRUE, &term->name, error) ||
          !lookup_positive (loader, object, element, "max_installments",
                            &term->max_installments, error) ||
          !lookup_enum (loader, object, element, "approval", FALSE, approvals, &approval, error) ||
          !lookup_rule_id (loader, object, element, &rule, error))
        return FALSE;

      term->key = g_strdup (key);
      term->needs_approval = approval >= 0;
      term->rule = g_strdup (rule);

      if (i == 0 && term->needs_approval)
        {
          g_autofree char *where = member_path (element, "approval");

          return invalid (loader, error,
                          _("the first payment term is the default and must not need approval (%s)"),
                          where);
        }

      g_ptr_array_add (out_terms, g_steal_pointer (&term));
    }

  return TRUE;
}

/* TW-4: the summary of a call that reached the customer, mailed to the
 * sales manager. */
static gboolean
parse_call_summary (const Loader *loader,
                    JsonObject   *summary,
                    GError      **error)
{
  CrmProcedure *self = loader->procedure;
  const char *path = "call_script.summary";
  const char *rule;

  if (!check_members (loader, summary, summary_keys, path, error) ||
      !parse_text (loader, summary, path, "subject", TRUE, &self->summary_subject, error) ||
      !parse_text (loader, summary, path, "body", TRUE, &self->summary_body, error) ||
      !lookup_rule_id (loader, summary, path, &rule, error) ||
      !check_placeholders (loader, &self->summary_subject, "call_script.summary.subject",
                           summary_placeholders, error) ||
      !check_placeholders (loader, &self->summary_body, "call_script.summary.body",
                           summary_placeholders, error))
    return FALSE;

  return TRUE;
}

/* The deal sources a script is picked for; each is one of the template's
 * sources. An empty list would be the same as none and is refused, so
 * that "the first script without sources" means one thing. */
static gboolean
parse_script_sources (const Loader  *loader,
                      JsonArray     *array,
                      const char    *path,
                      GStrv         *out_sources,
                      GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n_sources = json_array_get_length (array);

  if (n_sources == 0)
    return invalid (loader, error, _("“%s” must not be empty"), path);

  for (guint i = 0; i < n_sources; i++)
    {
      g_autofree char *element = element_path (path, i);
      JsonNode *node = json_array_get_element (array, i);
      const char *key;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (loader, error, _("“%s” must be a string"), element);

      key = json_node_get_string (node);

      if (!has_choice (loader->procedure->sources, key))
        return invalid (loader, error, _("source “%s” in %s is not defined"), key, element);

      if (!g_hash_table_add (seen, (gpointer) key))
        return invalid (loader, error, _("duplicate key “%s” in %s"), key, element);

      g_strv_builder_add (builder, key);
    }

  *out_sources = g_strv_builder_end (builder);

  return TRUE;
}

static gboolean
parse_script_prompts (const Loader *loader,
                      JsonArray    *array,
                      const char   *path,
                      GPtrArray    *out_prompts,
                      GError      **error)
{
  guint n_prompts = json_array_get_length (array);

  for (guint i = 0; i < n_prompts; i++)
    {
      g_autofree char *element = element_path (path, i);
      g_autoptr(CrmText) prompt = g_new0 (CrmText, 1);
      JsonObject *object;

      if (!get_element_object (loader, array, i, element, &object, error) ||
          !parse_text_object (loader, object, element, prompt, error))
        return FALSE;

      g_ptr_array_add (out_prompts, g_steal_pointer (&prompt));
    }

  return TRUE;
}

static gboolean
parse_script_checklist (const Loader *loader,
                        JsonArray    *array,
                        const char   *path,
                        GPtrArray    *out_items,
                        GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_items = json_array_get_length (array);

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *element = element_path (path, i);
      g_autoptr(CrmScriptItem) item = g_new0 (CrmScriptItem, 1);
      JsonObject *object;
      const char *key;

      if (!get_element_object (loader, array, i, element, &object, error) ||
          !check_members (loader, object, item_keys, element, error) ||
          !lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !check_unique (loader, seen, key, element, error) ||
          !parse_text (loader, object, element, "text", TRUE, &item->text, error))
        return FALSE;

      item->key = g_strdup (key);
      g_ptr_array_add (out_items, g_steal_pointer (&item));
    }

  return TRUE;
}

/* A question's answer may be saved into a field as it is given (TW-3:
 * the agreements module), so the field must be one the deal card has. */
static gboolean
parse_script_question (const Loader       *loader,
                       JsonObject         *object,
                       const char         *path,
                       GHashTable         *seen,
                       CrmScriptQuestion  *question,
                       GError            **error)
{
  const char *key;
  const char *field;
  const char *rule;

  if (!check_members (loader, object, question_keys, path, error) ||
      !lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !check_unique (loader, seen, key, path, error) ||
      !parse_text (loader, object, path, "text", TRUE, &question->text, error) ||
      !lookup_string (loader, object, path, "field", FALSE, &field, error) ||
      !lookup_boolean (loader, object, path, "mandatory", &question->mandatory, error) ||
      !lookup_rule_id (loader, object, path, &rule, error))
    return FALSE;

  if (field != NULL &&
      !g_strv_contains (question_builtin_keys, field) &&
      crm_procedure_find_field (loader->procedure, field) == NULL)
    return invalid (loader, error, _("question “%s” in %s names the unknown field “%s”"),
                    key, path, field);

  question->key = g_strdup (key);
  question->field = g_strdup (field);
  question->rule = g_strdup (rule);

  return TRUE;
}

static gboolean
parse_script_objections (const Loader *loader,
                         JsonArray    *array,
                         const char   *path,
                         GPtrArray    *out_objections,
                         GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_objections = json_array_get_length (array);

  for (guint i = 0; i < n_objections; i++)
    {
      g_autofree char *element = element_path (path, i);
      g_autoptr(CrmScriptObjection) objection = g_new0 (CrmScriptObjection, 1);
      JsonObject *object;
      const char *key;

      if (!get_element_object (loader, array, i, element, &object, error) ||
          !check_members (loader, object, objection_keys, element, error) ||
          !lookup_key (loader, object, element, "key", TRUE, &key, error) ||
          !check_unique (loader, seen, key, element, error) ||
          !parse_text (loader, object, element, "objection", TRUE, &objection->objection, error) ||
          !parse_text (loader, object, element, "answer", TRUE, &objection->answer, error))
        return FALSE;

      objection->key = g_strdup (key);
      g_ptr_array_add (out_objections, g_steal_pointer (&objection));
    }

  return TRUE;
}

/* What the panel reminds the rep of during a stage: CON-4 (no price on a
 * first call unless the customer demands it) and TW-6 (the payment terms
 * in order, which the template must then have). */
static gboolean
parse_script_guards (const Loader     *loader,
                     JsonArray        *array,
                     const char       *path,
                     CrmScriptGuards  *out_guards,
                     GError          **error)
{
  guint n_guards = json_array_get_length (array);

  *out_guards = CRM_SCRIPT_GUARD_NONE;

  for (guint i = 0; i < n_guards; i++)
    {
      g_autofree char *element = element_path (path, i);
      JsonNode *node = json_array_get_element (array, i);
      CrmScriptGuards guard = CRM_SCRIPT_GUARD_NONE;
      const char *name;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return invalid (loader, error, _("“%s” must be a string"), element);

      name = json_node_get_string (node);

      for (guint j = 0; script_guards[j] != NULL; j++)
        {
          if (g_str_equal (name, script_guards[j]))
            guard = (CrmScriptGuards) (1 << j);
        }

      if (guard == CRM_SCRIPT_GUARD_NONE)
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) script_guards);

          return invalid (loader, error, _("unknown value “%s” in %s (expected one of: %s)"),
                          name, element, expected);
        }

      if ((*out_guards & guard) != 0)
        return invalid (loader, error, _("duplicate guard “%s” in %s"), name, element);

      if (guard == CRM_SCRIPT_GUARD_PAYMENT_TERMS && loader->procedure->payment_terms->len == 0)
        return invalid (loader, error,
                        _("the “%s” guard in %s needs a non-empty “payment_terms” list in the template"),
                        name, element);

      *out_guards |= guard;
    }

  return TRUE;
}

/* A stage of the call (TW-3: rapport, discovery, presentation, closing). */
static gboolean
parse_script_stage (const Loader    *loader,
                    JsonObject      *object,
                    const char      *path,
                    GHashTable      *questions_seen,
                    CrmScriptStage  *stage,
                    GError         **error)
{
  g_autofree char *prompts_path = member_path (path, "prompts");
  g_autofree char *checklist_path = member_path (path, "checklist");
  g_autofree char *questions_path = member_path (path, "questions");
  g_autofree char *objections_path = member_path (path, "objections");
  g_autofree char *guards_path = member_path (path, "guards");
  JsonArray *prompts;
  JsonArray *checklist;
  JsonArray *questions;
  JsonArray *objections;
  JsonArray *guards;
  const char *key;
  const char *rule;

  if (!check_members (loader, object, script_stage_keys, path, error) ||
      !lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !parse_text (loader, object, path, "name", TRUE, &stage->name, error) ||
      !parse_text (loader, object, path, "goal", FALSE, &stage->goal, error) ||
      !lookup_array (loader, object, path, "prompts", FALSE, &prompts, error) ||
      !lookup_array (loader, object, path, "checklist", FALSE, &checklist, error) ||
      !lookup_array (loader, object, path, "questions", FALSE, &questions, error) ||
      !lookup_array (loader, object, path, "objections", FALSE, &objections, error) ||
      !lookup_array (loader, object, path, "guards", FALSE, &guards, error) ||
      !lookup_rule_id (loader, object, path, &rule, error))
    return FALSE;

  stage->key = g_strdup (key);
  stage->rule = g_strdup (rule);
  stage->prompts = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_text_free);
  stage->checklist = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_script_item_free);
  stage->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_script_question_free);
  stage->objections = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_script_objection_free);

  if (prompts != NULL &&
      !parse_script_prompts (loader, prompts, prompts_path, stage->prompts, error))
    return FALSE;

  if (checklist != NULL &&
      !parse_script_checklist (loader, checklist, checklist_path, stage->checklist, error))
    return FALSE;

  for (guint i = 0; questions != NULL && i < json_array_get_length (questions); i++)
    {
      g_autofree char *element = element_path (questions_path, i);
      g_autoptr(CrmScriptQuestion) question = g_new0 (CrmScriptQuestion, 1);
      JsonObject *question_object;

      if (!get_element_object (loader, questions, i, element, &question_object, error) ||
          !parse_script_question (loader, question_object, element, questions_seen, question,
                                  error))
        return FALSE;

      g_ptr_array_add (stage->questions, g_steal_pointer (&question));
    }

  if (objections != NULL &&
      !parse_script_objections (loader, objections, objections_path, stage->objections, error))
    return FALSE;

  if (guards != NULL && !parse_script_guards (loader, guards, guards_path, &stage->guards, error))
    return FALSE;

  return TRUE;
}

static gboolean
parse_call_script_script (const Loader   *loader,
                          JsonObject     *object,
                          const char     *path,
                          CrmCallScript  *script,
                          GError        **error)
{
  /* Question keys are unique in the whole script: the answers of a call
   * are kept by question key, whatever the stage. */
  g_autoptr(GHashTable) questions_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) stages_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *sources_path = member_path (path, "sources");
  g_autofree char *opening_path = member_path (path, "opening");
  g_autofree char *stages_path = member_path (path, "stages");
  JsonArray *sources;
  JsonArray *stages;
  const char *key;
  const char *rule;
  guint n_stages;

  if (!check_members (loader, object, script_keys, path, error) ||
      !lookup_key (loader, object, path, "key", TRUE, &key, error) ||
      !parse_text (loader, object, path, "name", TRUE, &script->name, error) ||
      !lookup_rule_id (loader, object, path, &rule, error) ||
      !lookup_array (loader, object, path, "sources", FALSE, &sources, error) ||
      !parse_text (loader, object, path, "opening", FALSE, &script->opening, error) ||
      !lookup_array (loader, object, path, "stages", TRUE, &stages, error))
    return FALSE;

  script->key = g_strdup (key);
  script->rule = g_strdup (rule);
  script->stages = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_script_stage_free);

  if (sources != NULL &&
      !parse_script_sources (loader, sources, sources_path, &script->sources, error))
    return FALSE;

  /* AXL-7: the rep introduces themselves and the company; the panel fills
   * these in, so a name it does not know would be read out as written. */
  if (script->opening.en != NULL &&
      !check_placeholders (loader, &script->opening, opening_path, opening_placeholders, error))
    return FALSE;

  n_stages = json_array_get_length (stages);
  if (n_stages == 0)
    return invalid (loader, error, _("“%s” must not be empty"), stages_path);

  for (guint i = 0; i < n_stages; i++)
    {
      g_autofree char *element = element_path (stages_path, i);
      g_autoptr(CrmScriptStage) stage = g_new0 (CrmScriptStage, 1);
      JsonObject *stage_object;

      if (!get_element_object (loader, stages, i, element, &stage_object, error) ||
          !parse_script_stage (loader, stage_object, element, questions_seen, stage, error) ||
          !check_unique (loader, stages_seen, stage->key, element, error))
        return FALSE;

      g_ptr_array_add (script->stages, g_steal_pointer (&stage));
    }

  return TRUE;
}

/* The call script: the situation check (TW-2), the scripts a rep follows
 * stage by stage (TW-3) and the summary sent after the call (TW-4). */
static gboolean
parse_call_script (const Loader *loader,
                   JsonObject   *call_script,
                   GError      **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  CrmProcedure *self = loader->procedure;
  const char *path = "call_script";
  const char *scripts_path = "call_script.scripts";
  const char *situation_rule;
  JsonObject *summary;
  JsonArray *scripts;
  guint n_scripts;

  if (!check_members (loader, call_script, call_script_keys, path, error) ||
      !parse_text (loader, call_script, path, "situation_check", FALSE, &self->situation_check,
                   error) ||
      !lookup_rule_id_member (loader, call_script, path, "situation_rule", &situation_rule,
                              error) ||
      !lookup_object (loader, call_script, path, "summary", FALSE, &summary, error) ||
      !lookup_array (loader, call_script, path, "scripts", TRUE, &scripts, error))
    return FALSE;

  self->situation_rule = g_strdup (situation_rule);

  if (summary != NULL && !parse_call_summary (loader, summary, error))
    return FALSE;

  n_scripts = json_array_get_length (scripts);
  if (n_scripts == 0)
    return invalid (loader, error, _("“%s” must not be empty"), scripts_path);

  for (guint i = 0; i < n_scripts; i++)
    {
      g_autofree char *element = element_path (scripts_path, i);
      g_autoptr(CrmCallScript) script = g_new0 (CrmCallScript, 1);
      JsonObject *object;

      if (!get_element_object (loader, scripts, i, element, &object, error) ||
          !parse_call_script_script (loader, object, element, script, error) ||
          !check_unique (loader, seen, script->key, element, error))
        return FALSE;

      g_ptr_array_add (self->call_scripts, g_steal_pointer (&script));
    }

  return TRUE;
}

static gboolean
parse_region_code (const Loader  *loader,
                   JsonObject    *root,
                   const char    *member,
                   guint          length,
                   char         **out_code,
                   GError       **error)
{
  const char *value;

  if (!lookup_string (loader, root, "", member, TRUE, &value, error))
    return FALSE;

  for (guint i = 0; i <= length; i++)
    {
      if ((i < length && !g_ascii_isupper (value[i])) || (i == length && value[i] != '\0'))
        return invalid (loader, error,
                        _("“%s” in %s must be %u upper-case letters"),
                        value, member, length);
    }

  *out_code = g_strdup (value);

  return TRUE;
}

static void
on_object_member_cb (JsonParser *parser,
                     JsonObject *object,
                     const char *member,
                     Loader     *loader)
{
  guint n_seen = GPOINTER_TO_UINT (g_hash_table_lookup (loader->n_members_seen, object)) + 1;

  g_hash_table_insert (loader->n_members_seen, object, GUINT_TO_POINTER (n_seen));

  /* The object did not grow: @member was already there. */
  if (n_seen > json_object_get_size (object) && loader->duplicate_object == NULL)
    {
      loader->duplicate_object = object;
      loader->duplicate_member = g_strdup (member);
    }
}

static gboolean
crm_procedure_parse (CrmProcedure  *self,
                     JsonObject    *root,
                     const Loader  *loader,
                     GError       **error)
{
  JsonArray *fields;
  JsonArray *sources;
  JsonArray *loss_reasons;
  JsonArray *pipelines;
  JsonArray *attempt_ladder;
  JsonObject *call_script;
  JsonObject *refusal;
  JsonArray *payment_terms;
  JsonNode *format;
  const char *id;

  if (!check_members (loader, root, top_level_keys, "", error))
    return FALSE;

  format = json_object_get_member (root, "format");
  if (format == NULL)
    return invalid (loader, error, _("missing key “%s” in %s"), "format", describe_path (""));

  if (!JSON_NODE_HOLDS_VALUE (format) ||
      json_node_get_value_type (format) != G_TYPE_INT64 ||
      json_node_get_int (format) != FORMAT_VERSION)
    return invalid (loader, error,
                    _("unsupported “format” (this version of Deals reads format %d)"),
                    FORMAT_VERSION);

  if (!lookup_key (loader, root, "", "id", TRUE, &id, error) ||
      !parse_text (loader, root, "", "name", TRUE, &self->name, error) ||
      !parse_text (loader, root, "", "description", TRUE, &self->description, error) ||
      !parse_region_code (loader, root, "country", 2, &self->country, error) ||
      !parse_region_code (loader, root, "currency", 3, &self->currency, error) ||
      !lookup_array (loader, root, "", "fields", FALSE, &fields, error) ||
      !lookup_array (loader, root, "", "sources", FALSE, &sources, error) ||
      !lookup_array (loader, root, "", "loss_reasons", FALSE, &loss_reasons, error) ||
      !lookup_array (loader, root, "", "pipelines", TRUE, &pipelines, error) ||
      !lookup_array (loader, root, "", "attempt_ladder", FALSE, &attempt_ladder, error) ||
      !lookup_object (loader, root, "", "refusal", FALSE, &refusal, error) ||
      !lookup_object (loader, root, "", "call_script", FALSE, &call_script, error) ||
      !lookup_array (loader, root, "", "payment_terms", FALSE, &payment_terms, error))
    return FALSE;

  self->id = g_strdup (id);

  if (fields != NULL && !parse_fields (loader, fields, self->fields, error))
    return FALSE;

  if (sources != NULL && !parse_choices (loader, sources, "sources", self->sources, error))
    return FALSE;

  if (loss_reasons != NULL &&
      !parse_choices (loader, loss_reasons, "loss_reasons", self->loss_reasons, error))
    return FALSE;

  if (!parse_pipelines (loader, pipelines, self->pipelines, error) ||
      !validate_all_rules (loader, error))
    return FALSE;

  if (attempt_ladder != NULL)
    {
      if (!validate_attempt_ladder (loader, attempt_ladder, error))
        return FALSE;

      self->attempt_ladder = json_array_ref (attempt_ladder);
    }

  if (refusal != NULL)
    {
      if (!validate_refusal (loader, refusal, error))
        return FALSE;

      self->refusal = json_object_ref (refusal);
    }

  /* Before the call script: its "payment_terms" guard needs them (TW-6). */
  if (payment_terms != NULL &&
      !parse_payment_terms (loader, payment_terms, self->payment_terms, error))
    return FALSE;

  if (call_script != NULL)
    {
      if (!parse_call_script (loader, call_script, error))
        return FALSE;

      self->call_script = json_object_ref (call_script);
    }

  /* Every object is walked by now, and check_members() reports a
   * repetition where it is; this is the net for one that was not. */
  if (loader->duplicate_object != NULL)
    return invalid (loader, error, _("duplicate key “%s”"), loader->duplicate_member);

  return TRUE;
}

static void
crm_procedure_finalize (GObject *object)
{
  CrmProcedure *self = (CrmProcedure *)object;

  g_clear_pointer (&self->id, g_free);
  crm_text_clear (&self->name);
  crm_text_clear (&self->description);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->pipelines, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->loss_reasons, g_ptr_array_unref);
  g_clear_pointer (&self->attempt_ladder, json_array_unref);
  g_clear_pointer (&self->refusal, json_object_unref);
  g_clear_pointer (&self->call_script, json_object_unref);
  crm_text_clear (&self->situation_check);
  g_clear_pointer (&self->situation_rule, g_free);
  crm_text_clear (&self->summary_subject);
  crm_text_clear (&self->summary_body);
  g_clear_pointer (&self->call_scripts, g_ptr_array_unref);
  g_clear_pointer (&self->payment_terms, g_ptr_array_unref);
  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);

  G_OBJECT_CLASS (crm_procedure_parent_class)->finalize (object);
}

static void
crm_procedure_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmProcedure *self = CRM_PROCEDURE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_procedure_class_init (CrmProcedureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_procedure_finalize;
  object_class->get_property = crm_procedure_get_property;

  /**
   * CrmProcedure:id:
   *
   * The template's ID, e.g. "axl".
   */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmProcedure:country:
   *
   * The ISO 3166 region phone numbers are parsed for, e.g. "IL".
   */
  properties [PROP_COUNTRY] =
    g_param_spec_string ("country", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CrmProcedure:currency:
   *
   * The ISO 4217 currency of new deals, e.g. "RUB".
   */
  properties [PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_procedure_init (CrmProcedure *self)
{
  self->pipelines = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_procedure_pipeline_free);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_procedure_field_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_procedure_choice_free);
  self->loss_reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_procedure_choice_free);
  self->call_scripts = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_call_script_free);
  self->payment_terms = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_payment_term_free);
}

/**
 * crm_procedure_get_builtin_ids:
 *
 * The IDs of the procedure templates Deals ships, one per department in
 * procedures.md.
 *
 * Returns: (transfer none): a %NULL-terminated array
 */
const char * const *
crm_procedure_get_builtin_ids (void)
{
  return builtin_ids;
}

/**
 * crm_procedure_load_builtin:
 * @id: a template ID from crm_procedure_get_builtin_ids()
 * @error: return location for a #GError
 *
 * Loads one of the shipped templates from the model's resources.
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set to
 *   %CRM_PROCEDURE_ERROR_UNKNOWN_ID or %CRM_PROCEDURE_ERROR_INVALID
 */
CrmProcedure *
crm_procedure_load_builtin (const char  *id,
                            GError     **error)
{
  g_autoptr(CrmProcedure) procedure = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autofree char *file_name = NULL;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_strv_contains (builtin_ids, id))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) builtin_ids);

      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_UNKNOWN_ID,
                   _("Unknown procedure “%s” (known: %s)"), id, known);
      return NULL;
    }

  /* Look up in the model's own resource bundle rather than the global
   * registry: in a static library the generated constructor that registers
   * it is only linked when something references the bundle. */
  path = g_strconcat (RESOURCE_PATH, id, ".json", NULL);
  bytes = g_resource_lookup_data (crm_model_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  file_name = g_strconcat (id, ".json", NULL);
  data = g_bytes_get_data (bytes, &length);

  procedure = crm_procedure_new_from_data (data, length, file_name, error);
  if (procedure == NULL)
    return NULL;

  if (!g_str_equal (procedure->id, id))
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: “id” is “%s”, expected “%s”"), file_name, procedure->id, id);
      return NULL;
    }

  return g_steal_pointer (&procedure);
}

/**
 * crm_procedure_new_from_data:
 * @data: the template's JSON text
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @file_name: (nullable): the name error messages refer to, e.g. "axl.json"
 * @error: return location for a #GError
 *
 * Parses and validates a procedure template (docs/procedure-format.md).
 *
 * Returns: (transfer full): the procedure, or %NULL with @error set to
 *   %CRM_PROCEDURE_ERROR_INVALID
 */
CrmProcedure *
crm_procedure_new_from_data (const char  *data,
                             gssize       length,
                             const char  *file_name,
                             GError     **error)
{
  g_autoptr(CrmProcedure) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autoptr(GHashTable) n_members_seen = NULL;
  g_autofree char *duplicate_member = NULL;
  Loader loader = { 0 };
  JsonNode *root;
  gboolean parsed;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (data);

  loader.file = file_name != NULL ? file_name : "procedure.json";

  n_members_seen = g_hash_table_new (NULL, NULL);
  loader.n_members_seen = n_members_seen;

  parser = json_parser_new ();
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member_cb), &loader);
  parsed = json_parser_load_from_data (parser, data, length, &json_error);
  /* Freed here; the loader only borrows it. */
  duplicate_member = loader.duplicate_member;

  if (!parsed)
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: not valid JSON: %s"), loader.file, json_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: a procedure template must be a JSON object"), loader.file);
      return NULL;
    }

  self = g_object_new (CRM_TYPE_PROCEDURE, NULL);
  loader.procedure = self;

  if (!crm_procedure_parse (self, json_node_get_object (root), &loader, error))
    return NULL;

  self->file_name = g_strdup (loader.file);
  self->bytes = g_bytes_new (data, length);

  return g_steal_pointer (&self);
}

const char *
crm_procedure_get_id (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->id;
}

const CrmText *
crm_procedure_get_name (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return &self->name;
}

const CrmText *
crm_procedure_get_description (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return &self->description;
}

/**
 * crm_procedure_get_country:
 * @self: a #CrmProcedure
 *
 * Returns: the ISO 3166 region used to parse phone numbers without an
 *   international prefix ("IL", "RU")
 */
const char *
crm_procedure_get_country (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->country;
}

const char *
crm_procedure_get_currency (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->currency;
}

guint
crm_procedure_get_n_pipelines (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->pipelines->len;
}

const CrmProcedurePipeline *
crm_procedure_get_pipeline (CrmProcedure *self,
                            guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->pipelines->len, NULL);

  return g_ptr_array_index (self->pipelines, index);
}

/**
 * crm_procedure_find_pipeline:
 * @self: a #CrmProcedure
 * @key: a pipeline key, e.g. "production"
 *
 * Returns: (nullable): the pipeline, or %NULL if there is none with @key
 */
const CrmProcedurePipeline *
crm_procedure_find_pipeline (CrmProcedure *self,
                             const char   *key)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->pipelines->len; i++)
    {
      const CrmProcedurePipeline *pipeline = g_ptr_array_index (self->pipelines, i);

      if (g_str_equal (pipeline->key, key))
        return pipeline;
    }

  return NULL;
}

/**
 * crm_procedure_find_stage:
 * @self: a #CrmProcedure
 * @pipeline_key: a pipeline key
 * @stage_key: a stage key of that pipeline
 *
 * Returns: (nullable): the stage, or %NULL if there is none
 */
const CrmProcedureStage *
crm_procedure_find_stage (CrmProcedure *self,
                          const char   *pipeline_key,
                          const char   *stage_key)
{
  const CrmProcedurePipeline *pipeline;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (stage_key != NULL, NULL);

  pipeline = crm_procedure_find_pipeline (self, pipeline_key);
  if (pipeline == NULL)
    return NULL;

  for (guint i = 0; i < pipeline->stages->len; i++)
    {
      const CrmProcedureStage *stage = g_ptr_array_index (pipeline->stages, i);

      if (g_str_equal (stage->key, stage_key))
        return stage;
    }

  return NULL;
}

guint
crm_procedure_get_n_fields (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->fields->len;
}

const CrmProcedureField *
crm_procedure_get_field (CrmProcedure *self,
                         guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->fields->len, NULL);

  return g_ptr_array_index (self->fields, index);
}

/**
 * crm_procedure_find_field:
 * @self: a #CrmProcedure
 * @key: a custom field key, e.g. "platform"
 *
 * Built-in columns ("source", "contact.phone", …) are not custom fields and
 * are not found here.
 *
 * Returns: (nullable): the field, or %NULL if the template defines none
 *   with @key
 */
const CrmProcedureField *
crm_procedure_find_field (CrmProcedure *self,
                          const char   *key)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const CrmProcedureField *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->key, key))
        return field;
    }

  return NULL;
}

guint
crm_procedure_get_n_sources (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->sources->len;
}

const CrmProcedureChoice *
crm_procedure_get_source (CrmProcedure *self,
                          guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);

  return g_ptr_array_index (self->sources, index);
}

guint
crm_procedure_get_n_loss_reasons (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->loss_reasons->len;
}

/**
 * crm_procedure_get_loss_reason:
 * @self: a #CrmProcedure
 * @index: an index below crm_procedure_get_n_loss_reasons()
 *
 * The reasons a rep picks from when a deal is lost (HS-10, RAD-12, CON-8,
 * AXL-10), in the template's order.
 *
 * Returns: (transfer none): the loss reason
 */
const CrmProcedureChoice *
crm_procedure_get_loss_reason (CrmProcedure *self,
                               guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->loss_reasons->len, NULL);

  return g_ptr_array_index (self->loss_reasons, index);
}

/**
 * crm_procedure_get_attempt_ladder:
 * @self: a #CrmProcedure
 *
 * The validated attempt ladder for unreachable leads (AXL-1, TW-1); see
 * docs/procedure-format.md for the step objects.
 *
 * Returns: (transfer none) (nullable): the steps, or %NULL if the template has none
 */
JsonArray *
crm_procedure_get_attempt_ladder (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->attempt_ladder;
}

/**
 * crm_procedure_get_refusal:
 * @self: a #CrmProcedure
 *
 * The refusal rules (AXL-10): "min_attempts", "min_silence",
 * "attempt_reasons" (the loss reasons they apply to) and
 * "must_close_after".
 *
 * Returns: (transfer none) (nullable): the validated rules
 */
JsonObject *
crm_procedure_get_refusal (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->refusal;
}

guint
crm_procedure_get_n_call_scripts (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->call_scripts->len;
}

/**
 * crm_procedure_get_call_script:
 * @self: a #CrmProcedure
 * @index: an index below crm_procedure_get_n_call_scripts()
 *
 * Returns: (transfer none): the script, in the template's order
 */
const CrmCallScript *
crm_procedure_get_call_script (CrmProcedure *self,
                               guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->call_scripts->len, NULL);

  return g_ptr_array_index (self->call_scripts, index);
}

/**
 * crm_procedure_find_call_script:
 * @self: a #CrmProcedure
 * @key: a script key, e.g. "sales_call"
 *
 * Returns: (transfer none) (nullable): the script, or %NULL if there is
 *   none with @key
 */
const CrmCallScript *
crm_procedure_find_call_script (CrmProcedure *self,
                                const char   *key)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < self->call_scripts->len; i++)
    {
      const CrmCallScript *script = g_ptr_array_index (self->call_scripts, i);

      if (g_str_equal (script->key, key))
        return script;
    }

  return NULL;
}

/**
 * crm_procedure_dup_call_stage_names:
 * @self: (nullable): a #CrmProcedure
 * @script_key: (nullable): a call script of the procedure
 * @call_stages: (nullable): keys of its stages
 *
 * The names of a call's stages in the user's language; a stage the script
 * no longer has keeps its key, so an old call still says where it got.
 *
 * Returns: (transfer full) (nullable): the names, or %NULL without stages
 */
GStrv
crm_procedure_dup_call_stage_names (CrmProcedure       *self,
                                    const char         *script_key,
                                    const char * const *call_stages)
{
  const CrmCallScript *script = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (call_stages == NULL || call_stages[0] == NULL)
    return NULL;

  if (self != NULL && script_key != NULL)
    script = crm_procedure_find_call_script (self, script_key);

  for (guint i = 0; call_stages[i] != NULL; i++)
    {
      const char *name = call_stages[i];

      for (guint s = 0; script != NULL && s < script->stages->len; s++)
        {
          const CrmScriptStage *stage = g_ptr_array_index (script->stages, s);

          if (g_str_equal (stage->key, call_stages[i]))
            name = crm_text_get (&stage->name);
        }

      g_strv_builder_add (names, name);
    }

  return g_strv_builder_end (names);
}

/**
 * crm_procedure_pick_call_script:
 * @self: a #CrmProcedure
 * @source: (nullable): the deal's source key
 *
 * The script a call on a deal from @source starts with: the first one that
 * lists @source in its "sources", otherwise the first one without
 * "sources" (the general script), otherwise the first one.
 *
 * Returns: (transfer none) (nullable): the script, or %NULL when the
 *   template has no call script
 */
const CrmCallScript *
crm_procedure_pick_call_script (CrmProcedure *self,
                                const char   *source)
{
  const CrmCallScript *general = NULL;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  if (self->call_scripts->len == 0)
    return NULL;

  for (guint i = 0; i < self->call_scripts->len; i++)
    {
      const CrmCallScript *script = g_ptr_array_index (self->call_scripts, i);

      if (script->sources == NULL)
        {
          if (general == NULL)
            general = script;
        }
      else if (source != NULL && g_strv_contains ((const char * const *) script->sources, source))
        {
          return script;
        }
    }

  if (general != NULL)
    return general;

  return g_ptr_array_index (self->call_scripts, 0);
}

/**
 * crm_procedure_get_situation_check:
 * @self: a #CrmProcedure
 *
 * The question a call opens with (TW-2: "can you talk now?").
 *
 * Returns: (transfer none) (nullable): the question, or %NULL if the
 *   template asks none
 */
const CrmText *
crm_procedure_get_situation_check (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->situation_check.en != NULL ? &self->situation_check : NULL;
}

/**
 * crm_procedure_get_situation_rule:
 * @self: a #CrmProcedure
 *
 * Returns: (nullable): the rule the situation check implements, e.g. "TW-2"
 */
const char *
crm_procedure_get_situation_rule (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->situation_rule;
}

/**
 * crm_procedure_get_summary_subject:
 * @self: a #CrmProcedure
 *
 * The subject of the call summary mailed to the sales manager (TW-4), with
 * its "{name}" placeholders unfilled.
 *
 * Returns: (transfer none) (nullable): the subject, or %NULL if the
 *   template sends no summary
 */
const CrmText *
crm_procedure_get_summary_subject (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->summary_subject.en != NULL ? &self->summary_subject : NULL;
}

/**
 * crm_procedure_get_summary_body:
 * @self: a #CrmProcedure
 *
 * Returns: (transfer none) (nullable): the body of the call summary (TW-4),
 *   or %NULL if the template sends no summary
 */
const CrmText *
crm_procedure_get_summary_body (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->summary_body.en != NULL ? &self->summary_body : NULL;
}

/**
 * crm_procedure_get_call_script_json:
 * @self: a #CrmProcedure
 *
 * The validated "call_script" section as it was written, for the script
 * editor to start from. It is the procedure's own: edit a copy, and save
 * it with crm_procedure_dup_with_call_script().
 *
 * Returns: (transfer none) (nullable): the section, or %NULL if the
 *   template has none
 */
JsonObject *
crm_procedure_get_call_script_json (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->call_script;
}

/* The template's JSON text rebuilt with @call_script in place of its call
 * script (%NULL removes it) and, unless it is %NULL, @payment_terms in
 * place of its payment terms; loaded once to validate it. */
static char *
dup_with_sections (CrmProcedure  *self,
                   JsonObject    *call_script,
                   JsonArray     *payment_terms,
                   GError       **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(CrmProcedure) check = NULL;
  g_autoptr(GError) json_error = NULL;
  g_autofree char *generated = NULL;
  g_autofree char *json = NULL;
  gconstpointer data;
  JsonObject *root;
  gsize length;

  /* Start from the text rather than from what was parsed out of it: the
   * stage rules and the attempt ladder are only kept as JSON, and nothing
   * the manager did not edit may change. */
  data = g_bytes_get_data (self->bytes, &length);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &json_error))
    {
      /* It was parsed once already: only a broken invariant gets here. */
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_INVALID,
                   _("%s: not valid JSON: %s"), self->file_name, json_error->message);
      return NULL;
    }

  root = json_node_get_object (json_parser_get_root (parser));

  /* json-glib keeps the member's place when it is replaced; a new one
   * goes last. */
  if (call_script != NULL)
    json_object_set_object_member (root, "call_script", json_object_ref (call_script));
  else if (json_object_has_member (root, "call_script"))
    json_object_remove_member (root, "call_script");

  if (payment_terms != NULL)
    json_object_set_array_member (root, "payment_terms", json_array_ref (payment_terms));

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  generated = json_generator_to_data (generator, NULL);
  /* A text file, like the shipped templates. */
  json = g_strconcat (generated, "\n", NULL);

  check = crm_procedure_new_from_data (json, -1, self->file_name, error);
  if (check == NULL)
    return NULL;

  return g_steal_pointer (&json);
}

/**
 * crm_procedure_dup_with_call_script:
 * @self: a #CrmProcedure
 * @call_script: (nullable): the new "call_script" section, or %NULL to
 *   remove it
 * @error: return location for a #GError
 *
 * Rebuilds the template's JSON text with @call_script in place of its call
 * script, and loads the result to validate it, so that a manager's edit is
 * refused with the loader's message before the store keeps it. Everything
 * else in the template is kept as it was read.
 *
 * Returns: (transfer full) (nullable): the new template text, pretty-printed,
 *   or %NULL with @error set to %CRM_PROCEDURE_ERROR_INVALID
 */
char *
crm_procedure_dup_with_call_script (CrmProcedure  *self,
                                    JsonObject    *call_script,
                                    GError       **error)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return dup_with_sections (self, call_script, NULL, error);
}

/* The shipped template @self was made from, if it has call scripts. */
static CrmProcedure *
load_shipped_with_scripts (CrmProcedure *self)
{
  g_autoptr(CrmProcedure) shipped = NULL;

  if (!g_strv_contains (builtin_ids, self->id))
    return NULL;

  /* A shipped template that does not load is a build failure, which the
   * procedure tests catch; here it only means there is nothing to offer. */
  shipped = crm_procedure_load_builtin (self->id, NULL);
  if (shipped == NULL || shipped->call_script == NULL)
    return NULL;

  return g_steal_pointer (&shipped);
}

/**
 * crm_procedure_has_shipped_call_script:
 * @self: a #CrmProcedure
 *
 * Whether the shipped template with @self's ID has call scripts, so that
 * a template without them (one installed before Deals had call scripts)
 * can take them with crm_procedure_dup_with_shipped_call_script().
 *
 * Returns: %TRUE if there are shipped call scripts to take
 */
gboolean
crm_procedure_has_shipped_call_script (CrmProcedure *self)
{
  g_autoptr(CrmProcedure) shipped = NULL;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), FALSE);

  shipped = load_shipped_with_scripts (self);

  return shipped != NULL;
}

/**
 * crm_procedure_dup_with_shipped_call_script:
 * @self: a #CrmProcedure
 * @error: return location for a #GError
 *
 * Rebuilds the template's JSON text with the call scripts of the shipped
 * template with the same ID, as crm_procedure_dup_with_call_script() does
 * with a manager's. The shipped payment terms come too when @self has
 * none, since the closing stage's TW-6 guard shows them; a template's own
 * payment terms are kept. A template that no longer fits the shipped
 * scripts (a field they fill was removed) is refused with the loader's
 * message.
 *
 * Returns: (transfer full) (nullable): the new template text, or %NULL
 *   with @error set to %CRM_PROCEDURE_ERROR_UNKNOWN_ID (no shipped call
 *   scripts for this ID) or %CRM_PROCEDURE_ERROR_INVALID
 */
char *
crm_procedure_dup_with_shipped_call_script (CrmProcedure  *self,
                                            GError       **error)
{
  g_autoptr(CrmProcedure) shipped = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *payment_terms = NULL;
  JsonObject *root;
  gconstpointer data;
  gsize length;

  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  shipped = load_shipped_with_scripts (self);
  if (shipped == NULL)
    {
      g_set_error (error, CRM_PROCEDURE_ERROR, CRM_PROCEDURE_ERROR_UNKNOWN_ID,
                   _("Deals ships no call scripts for the procedure “%s”."), self->id);
      return NULL;
    }

  /* The shipped text, for its payment terms as they were written. */
  data = g_bytes_get_data (shipped->bytes, &length);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));

  if (self->payment_terms->len == 0 && json_object_has_member (root, "payment_terms"))
    payment_terms = json_object_get_array_member (root, "payment_terms");

  return dup_with_sections (self, shipped->call_script, payment_terms, error);
}

guint
crm_procedure_get_n_payment_terms (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), 0);

  return self->payment_terms->len;
}

/**
 * crm_procedure_get_payment_term:
 * @self: a #CrmProcedure
 * @index: an index below crm_procedure_get_n_payment_terms()
 *
 * The payment terms in the order of preference (TW-6); the first is the
 * default, offered as the terms.
 *
 * Returns: (transfer none): the payment term
 */
const CrmPaymentTerm *
crm_procedure_get_payment_term (CrmProcedure *self,
                                guint         index)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);
  g_return_val_if_fail (index < self->payment_terms->len, NULL);

  return g_ptr_array_index (self->payment_terms, index);
}

/**
 * crm_procedure_get_bytes:
 * @self: a #CrmProcedure
 *
 * The template exactly as it was read; the store keeps it in the database
 * so that a running team does not change process when Deals is upgraded.
 *
 * Returns: (transfer none): the raw JSON
 */
GBytes *
crm_procedure_get_bytes (CrmProcedure *self)
{
  g_return_val_if_fail (CRM_IS_PROCEDURE (self), NULL);

  return self->bytes;
}

/**
 * crm_procedure_parse_duration:
 * @text: an ISO 8601 duration such as "PT30M", "PT4H", "P1D" or "P1W"
 * @out_span: (out) (optional): the duration
 *
 * Parses the due offsets and delays of stage rules (AXL-9: "due in 30
 * minutes"). Weeks, days, hours, minutes and seconds are accepted; years
 * and months are not, because their length depends on the calendar.
 *
 * Returns: %TRUE if @text is a valid duration
 */
gboolean
crm_procedure_parse_duration (const char *text,
                              GTimeSpan  *out_span)
{
  /* Designators in the order ISO 8601 requires them. */
  static const struct {
    char      designator;
    gboolean  time_part;
    GTimeSpan unit;
  } units[] = {
    { 'W', FALSE, 7 * G_TIME_SPAN_DAY },
    { 'D', FALSE, G_TIME_SPAN_DAY },
    { 'H', TRUE, G_TIME_SPAN_HOUR },
    { 'M', TRUE, G_TIME_SPAN_MINUTE },
    { 'S', TRUE, G_TIME_SPAN_SECOND },
  };
  const char *p = text;
  gboolean in_time = FALSE;
  gboolean any = FALSE;
  gboolean any_in_time = FALSE;
  GTimeSpan total = 0;
  guint next_unit = 0;

  if (out_span != NULL)
    *out_span = 0;

  g_return_val_if_fail (text != NULL, FALSE);

  if (*p++ != 'P')
    return FALSE;

  while (*p != '\0')
    {
      guint64 value = 0;
      guint unit;

      if (*p == 'T')
        {
          if (in_time)
            return FALSE;

          in_time = TRUE;
          p++;
          continue;
        }

      if (!g_ascii_isdigit (*p))
        return FALSE;

      while (g_ascii_isdigit (*p))
        {
          value = value * 10 + (guint64) (*p - '0');
          if (value > G_MAXINT32)
            return FALSE;
          p++;
        }

      for (unit = next_unit; unit < G_N_ELEMENTS (units); unit++)
        {
          if (units[unit].designator == *p && units[unit].time_part == in_time)
            break;
        }

      if (unit == G_N_ELEMENTS (units))
        return FALSE;

      if ((guint64) (G_MAXINT64 - total) / (guint64) units[unit].unit < value)
        return FALSE;

      total += (GTimeSpan) value * units[unit].unit;
      next_unit = unit + 1;
      any = TRUE;
      any_in_time |= in_time;
      p++;
    }

  if (!any || (in_time && !any_in_time))
    return FALSE;

  if (out_span != NULL)
    *out_span = total;

  return TRUE;
}

static const char *
text_for_language (const CrmText *text,
                   const char    *language)
{
  gsize length = strcspn (language, "_.@");

  if (length == 2 && (strncmp (language, "he", 2) == 0 || strncmp (language, "iw", 2) == 0))
    return text->he;

  if (length == 2 && strncmp (language, "ru", 2) == 0)
    return text->ru;

  if ((length == 2 && strncmp (language, "en", 2) == 0) ||
      g_str_equal (language, "C") || g_str_equal (language, "POSIX"))
    return text->en;

  return NULL;
}

/**
 * crm_text_get:
 * @text: a template text
 *
 * Picks the translation for the user's languages, in the order of
 * g_get_language_names(); English when none of them is available.
 *
 * Returns: (transfer none): the text
 */
const char *
crm_text_get (const CrmText *text)
{
  const char * const *languages;

  g_return_val_if_fail (text != NULL, NULL);

  languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      const char *translation = text_for_language (text, languages[i]);

      if (translation != NULL)
        return translation;
    }

  return text->en;
}

/**
 * crm_text_get_for_language:
 * @text: a template text
 * @language: (nullable): a language code such as "he" or "ru_RU.UTF-8", or
 *   %NULL for the user's languages
 *
 * Returns: (transfer none): the text in @language, or English when the
 *   template has no such translation
 */
const char *
crm_text_get_for_language (const CrmText *text,
                           const char    *language)
{
  const char *translation;

  g_return_val_if_fail (text != NULL, NULL);

  if (language == NULL)
    return crm_text_get (text);

  translation = text_for_language (text, language);

  return translation != NULL ? translation : text->en;
}
