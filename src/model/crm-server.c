/* crm-server.c
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

#define G_LOG_DOMAIN "crm-server"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <libsecret/secret.h>

#include "crm-server.h"

/**
 * CrmServer:
 *
 * A team server (issue 10): where the office's PostgreSQL database is and
 * who signs in to it, and that person's password, which lives only in the
 * keyring (the Secret Service, through libsecret).
 *
 * A server is read from a `postgresql://` address (the command line's
 * `--server`) or from its parts (Preferences). Either way the address is
 * bounded and parsed by libpq itself, and it never carries a password:
 * one typed into the address is refused rather than kept where the
 * settings or a shell's history would keep it too. Servers are
 * immutable.
 */

struct _CrmServer
{
  GObject       parent_instance;

  char         *host;      /* a host name, an IP address or a socket folder */
  char         *database;
  char         *user;
  guint         port;
  CrmServerTls  tls;
};

G_DEFINE_FINAL_TYPE (CrmServer, crm_server, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-server-error-quark, crm_server_error)

enum {
  PROP_0,
  PROP_HOST,
  PROP_PORT,
  PROP_DATABASE,
  PROP_USER,
  PROP_TLS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* libpq's sslmode words, in CrmServerTls order. */
static const char * const tls_names[] = { "disable", "prefer", "require", "verify-full" };

static void
crm_server_finalize (GObject *object)
{
  CrmServer *self = (CrmServer *)object;

  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->user, g_free);

  G_OBJECT_CLASS (crm_server_parent_class)->finalize (object);
}

static void
crm_server_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrmServer *self = CRM_SERVER (object);

  switch (prop_id)
    {
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;

    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    case PROP_TLS:
      g_value_set_int (value, self->tls);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_server_class_init (CrmServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_server_finalize;
  object_class->get_property = crm_server_get_property;

  properties [PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 1, G_MAXUINT16, CRM_SERVER_DEFAULT_PORT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties [PROP_TLS] =
    g_param_spec_int ("tls", NULL, NULL, CRM_SERVER_TLS_DISABLE, CRM_SERVER_TLS_VERIFY_FULL,
                      CRM_SERVER_TLS_PREFER,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_server_init (CrmServer *self)
{
  self->port = CRM_SERVER_DEFAULT_PORT;
  self->tls = CRM_SERVER_TLS_PREFER;
}

/* Checks */

static gboolean
has_controls (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* A role's or a database's name: what PostgreSQL itself accepts. The
 * messages come whole from the caller, one for each name, so that each
 * language words them as it needs; @too_long takes the limit, 63. */
static gboolean
check_name (const char  *name,
            const char  *missing,
            const char  *too_long,
            GError     **error)
{
  if (name == NULL || name[0] == '\0')
    {
      g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID, missing);
      return FALSE;
    }

  if (strlen (name) > CRM_SERVER_MAX_NAME || !g_utf8_validate (name, -1, NULL) || has_controls (name))
    {
      g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID, too_long, CRM_SERVER_MAX_NAME);
      return FALSE;
    }

  return TRUE;
}

/* A host name, an IP address, or the folder of a server's local socket. */
static gboolean
check_host (const char  *host,
            GError     **error)
{
  g_autofree char *ascii = NULL;

  if (host == NULL || host[0] == '\0')
    {
      g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                           _("The server’s host is missing."));
      return FALSE;
    }

  if (strlen (host) > CRM_SERVER_MAX_HOST || !g_utf8_validate (host, -1, NULL) || has_controls (host) ||
      strchr (host, ',') != NULL)
    {
      g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                   _("“%s” is not a host name: one host, at most %d characters."),
                   g_utf8_validate (host, -1, NULL) ? host : "?", CRM_SERVER_MAX_HOST);
      return FALSE;
    }

  if (host[0] == '/' || g_hostname_is_ip_address (host))
    return TRUE;

  /* Internationalised names are fine; what is left must be a DNS name. */
  ascii = g_hostname_to_ascii (host);
  if (ascii != NULL)
    {
      const char *p = ascii;

      while (g_ascii_isalnum (*p) || *p == '-' || *p == '.')
        p++;
      if (*p == '\0' && ascii[0] != '-' && ascii[0] != '.')
        return TRUE;
    }

  g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID, _("“%s” is not a host name."), host);
  return FALSE;
}

static gboolean
check_port (const char  *text,
            guint       *port,
            GError     **error)
{
  guint64 value = 0;

  if (text == NULL || text[0] == '\0')
    {
      *port = CRM_SERVER_DEFAULT_PORT;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXUINT16, &value, NULL))
    {
      g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                   _("“%s” is not a port: a number from 1 to 65535."), text);
      return FALSE;
    }

  *port = (guint) value;
  return TRUE;
}

/* Public API */

/**
 * crm_server_new:
 * @host: a host name, an IP address, or the folder of a local socket
 * @port: the server's port, 1 to 65535
 * @database: the office's database
 * @user: the PostgreSQL role the person signs in as
 * @tls: how the connection is protected
 * @error: return location for a #GError
 *
 * A team server from the parts Preferences asks for, each checked.
 *
 * Returns: (transfer full) (nullable): the server, or %NULL with @error set
 */
CrmServer *
crm_server_new (const char    *host,
                guint          port,
                const char    *database,
                const char    *user,
                CrmServerTls   tls,
                GError       **error)
{
  CrmServer *self;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_host (host, error) ||
      !check_name (database, _("The server’s database is missing."),
                   /* Translators: %d is PostgreSQL's limit, 63 */
                   _("The database’s name must be at most %d bytes of text without control characters."),
                   error) ||
      !check_name (user, _("The server’s user is missing."),
                   /* Translators: %d is PostgreSQL's limit, 63 */
                   _("The user’s name must be at most %d bytes of text without control characters."),
                   error))
    return NULL;

  if (port == 0 || port > G_MAXUINT16)
    {
      g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                   _("“%u” is not a port: a number from 1 to 65535."), port);
      return NULL;
    }

  if ((guint) tls >= G_N_ELEMENTS (tls_names))
    {
      g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                           _("Unknown connection security."));
      return NULL;
    }

  self = g_object_new (CRM_TYPE_SERVER, NULL);
  self->host = g_strdup (host);
  self->port = port;
  self->database = g_strdup (database);
  self->user = g_strdup (user);
  self->tls = tls;

  return self;
}

/**
 * crm_server_new_from_uri:
 * @uri: a `postgresql://user@host:port/database?sslmode=…` address
 * @error: return location for a #GError
 *
 * A team server from an address, as scripts give it with `--server`. The
 * address is refused when it is longer than %CRM_SERVER_MAX_URI, is no
 * PostgreSQL URI, holds a password (%CRM_SERVER_ERROR_PASSWORD_IN_ADDRESS)
 * or a setting other than host, port, database, user and sslmode. With no
 * user, the person's login name is taken, as libpq does.
 *
 * Returns: (transfer full) (nullable): the server, or %NULL with @error set
 */
CrmServer *
crm_server_new_from_uri (const char  *uri,
                         GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;
  const char *host = NULL, *port_text = NULL, *database = NULL, *user = NULL, *mode = NULL;
  const char *unknown = NULL;
  gboolean has_password = FALSE;
  CrmServerTls tls = CRM_SERVER_TLS_PREFER;
  CrmServer *self = NULL;
  guint port = CRM_SERVER_DEFAULT_PORT;

  g_return_val_if_fail (uri != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strnlen (uri, CRM_SERVER_MAX_URI + 1) > CRM_SERVER_MAX_URI)
    {
      g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                   _("The server’s address is longer than %d characters."), CRM_SERVER_MAX_URI);
      return NULL;
    }

  /* libpq also reads "key=value" strings; an address is what people copy. */
  if (!g_str_has_prefix (uri, "postgresql://") && !g_str_has_prefix (uri, "postgres://"))
    {
      g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                           _("A server’s address starts with “postgresql://”."));
      return NULL;
    }

  options = PQconninfoParse (uri, &message);
  if (options == NULL)
    {
      g_autofree char *reason = g_strstrip (g_strdup (message != NULL ? message : ""));

      g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                   _("The server’s address cannot be read: %s"), reason);
      PQfreemem (message);
      return NULL;
    }

  for (PQconninfoOption *option = options; option->keyword != NULL; option++)
    {
      if (option->val == NULL)
        continue;

      if (g_str_equal (option->keyword, "host"))
        host = option->val;
      else if (g_str_equal (option->keyword, "port"))
        port_text = option->val;
      else if (g_str_equal (option->keyword, "dbname"))
        database = option->val;
      else if (g_str_equal (option->keyword, "user"))
        user = option->val;
      else if (g_str_equal (option->keyword, "sslmode"))
        mode = option->val;
      else if (g_str_equal (option->keyword, "password"))
        has_password = TRUE;
      else if (unknown == NULL)
        unknown = option->keyword;
    }

  if (has_password)
    g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_PASSWORD_IN_ADDRESS,
                         _("The server’s address holds a password. Deals keeps passwords only in the "
                           "keyring: leave it out of the address and give it when asked."));
  else if (unknown != NULL)
    g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                 _("“%s” is not a setting Deals takes from a server’s address: it takes the host, "
                   "port, database, user and sslmode."),
                 unknown);
  else if (mode != NULL && !crm_server_tls_from_string (mode, &tls))
    g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                 _("“%s” is not a connection security Deals knows: disable, prefer, require or "
                   "verify-full."),
                 mode);
  else if (database == NULL)
    g_set_error_literal (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_INVALID,
                         _("The server’s address names no database, as in postgresql://host/deals."));
  else if (check_host (host, error) && check_port (port_text, &port, error))
    self = crm_server_new (host, port, database, user != NULL ? user : g_get_user_name (), tls, error);

  PQconninfoFree (options);

  return self;
}

const char *
crm_server_get_host (CrmServer *self)
{
  g_return_val_if_fail (CRM_IS_SERVER (self), NULL);

  return self->host;
}

guint
crm_server_get_port (CrmServer *self)
{
  g_return_val_if_fail (CRM_IS_SERVER (self), 0);

  return self->port;
}

const char *
crm_server_get_database (CrmServer *self)
{
  g_return_val_if_fail (CRM_IS_SERVER (self), NULL);

  return self->database;
}

const char *
crm_server_get_user (CrmServer *self)
{
  g_return_val_if_fail (CRM_IS_SERVER (self), NULL);

  return self->user;
}

CrmServerTls
crm_server_get_tls (CrmServer *self)
{
  g_return_val_if_fail (CRM_IS_SERVER (self), CRM_SERVER_TLS_PREFER);

  return self->tls;
}

/**
 * crm_server_dup_uri:
 * @self: a #CrmServer
 *
 * The server's address, never with a password: what CrmDb opens (the
 * password joins it in memory only) and what the settings keep.
 *
 * Returns: (transfer full): a `postgresql://` URI
 */
char *
crm_server_dup_uri (CrmServer *self)
{
  g_autofree char *user = NULL;
  g_autofree char *database = NULL;
  g_autofree char *path = NULL;
  g_autofree char *query = NULL;
  gboolean socket = FALSE;

  g_return_val_if_fail (CRM_IS_SERVER (self), NULL);

  socket = self->host[0] == '/';
  user = g_uri_escape_string (self->user, NULL, FALSE);
  database = g_uri_escape_string (self->database, NULL, FALSE);
  path = g_strconcat ("/", database, NULL);

  /* A socket folder is no authority: libpq takes it as ?host=. */
  if (socket)
    {
      g_autofree char *folder = g_uri_escape_string (self->host, NULL, FALSE);

      query = g_strdup_printf ("host=%s&port=%u&sslmode=%s", folder, self->port, tls_names[self->tls]);
      return g_strdup_printf ("postgresql://%s@%s?%s", user, path, query);
    }

  query = g_strdup_printf ("sslmode=%s", tls_names[self->tls]);
  return g_uri_join (G_URI_FLAGS_ENCODED, "postgresql", user, self->host, self->port, path, query, NULL);
}

/**
 * crm_server_dup_label:
 * @self: a #CrmServer
 *
 * How the server is named to people: in the keyring's list and in
 * messages, as “user on host/database”.
 *
 * Returns: (transfer full): the label
 */
char *
crm_server_dup_label (CrmServer *self)
{
  g_return_val_if_fail (CRM_IS_SERVER (self), NULL);

  /* Translators: a team server, as “dana on crm.example.com/deals” */
  return g_strdup_printf (_("%s on %s/%s"), self->user, self->host, self->database);
}

/**
 * crm_server_tls_to_string:
 * @tls: a #CrmServerTls
 *
 * Returns: libpq's `sslmode` word for @tls
 */
const char *
crm_server_tls_to_string (CrmServerTls tls)
{
  g_return_val_if_fail ((guint) tls < G_N_ELEMENTS (tls_names), "prefer");

  return tls_names[tls];
}

/**
 * crm_server_tls_from_string:
 * @text: a `sslmode` word
 * @tls: (out): where to put the mode
 *
 * Returns: whether @text is one of the modes Deals offers
 */
gboolean
crm_server_tls_from_string (const char   *text,
                            CrmServerTls *tls)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (tls_names); i++)
    if (g_str_equal (text, tls_names[i]))
      {
        *tls = (CrmServerTls) i;
        return TRUE;
      }

  return FALSE;
}

/* The keyring */

/* A password is the keyring's item for one role on one server's database:
 * two people sharing a machine, or one person on two servers, each have
 * their own. */
static const SecretSchema *
server_schema (void)
{
  static const SecretSchema schema = {
    "org.dealsdesk.Deals.TeamServer", SECRET_SCHEMA_NONE,
    {
      { "host", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "port", SECRET_SCHEMA_ATTRIBUTE_INTEGER },
      { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static GHashTable *
server_attributes (CrmServer *self)
{
  return secret_attributes_build (server_schema (),
                                  "host", self->host,
                                  "port", (int) self->port,
                                  "database", self->database,
                                  "user", self->user,
                                  NULL);
}

/* The keyring's own error, said as what it means here. */
static void
set_keyring_error (GError     **error,
                   GError      *cause,
                   const char  *what)
{
  g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_KEYRING, "%s %s", what, cause->message);
}

static void
store_password_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) cause = NULL;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &cause))
    {
      set_keyring_error (&error, cause, _("The keyring could not keep the password:"));
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* What the keyring is given: a password of 1 to CRM_SERVER_MAX_PASSWORD
 * bytes. */
static gboolean
check_password (const char  *password,
                GError     **error)
{
  if (password[0] != '\0' && strnlen (password, CRM_SERVER_MAX_PASSWORD + 1) <= CRM_SERVER_MAX_PASSWORD)
    return TRUE;

  g_set_error (error, CRM_SERVER_ERROR, CRM_SERVER_ERROR_KEYRING,
               _("A password is 1 to %d characters."), CRM_SERVER_MAX_PASSWORD);
  return FALSE;
}

static char *
dup_keyring_label (CrmServer *self)
{
  g_autofree char *server = crm_server_dup_label (self);

  /* Translators: the keyring's name for a team server's password; %s is
   * the server, as “dana on crm.example.com/deals” */
  return g_strdup_printf (_("Deals team server: %s"), server);
}

/**
 * crm_server_store_password_async:
 * @self: a #CrmServer
 * @password: the password of the server's user
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the keyring has it
 * @user_data: data for @callback
 *
 * Puts @password in the keyring for this user on this server, replacing
 * the one kept before. Nothing else ever holds it: not the database, the
 * settings or a file.
 */
void
crm_server_store_password_async (CrmServer           *self,
                                 const char          *password,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GError *error = NULL;

  g_return_if_fail (CRM_IS_SERVER (self));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_server_store_password_async);

  if (!check_password (password, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  attributes = server_attributes (self);
  label = dup_keyring_label (self);
  secret_password_storev (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                          cancellable, store_password_cb, g_steal_pointer (&task));
}

gboolean
crm_server_store_password_finish (CrmServer     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * crm_server_store_password_sync:
 * @self: a #CrmServer
 * @password: the password of the server's user
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The command line's crm_server_store_password_async(), which may wait.
 *
 * Returns: %TRUE when the keyring has it
 */
gboolean
crm_server_store_password_sync (CrmServer     *self,
                                const char    *password,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) cause = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (CRM_IS_SERVER (self), FALSE);
  g_return_val_if_fail (password != NULL, FALSE);

  if (!check_password (password, error))
    return FALSE;

  attributes = server_attributes (self);
  label = dup_keyring_label (self);
  if (!secret_password_storev_sync (server_schema (), attributes, SECRET_COLLECTION_DEFAULT, label, password,
                                    cancellable, &cause))
    {
      set_keyring_error (error, cause, _("The keyring could not keep the password:"));
      return FALSE;
    }

  return TRUE;
}

static void
lookup_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) cause = NULL;
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &cause);
  if (cause != NULL)
    {
      set_keyring_error (&error, cause, _("The keyring could not give the password:"));
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

/**
 * crm_server_lookup_password_async:
 * @self: a #CrmServer
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the password
 * @user_data: data for @callback
 *
 * Asks the keyring for the password of this user on this server.
 */
void
crm_server_lookup_password_async (CrmServer           *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (CRM_IS_SERVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_server_lookup_password_async);
  attributes = server_attributes (self);
  secret_password_lookupv (server_schema (), attributes, cancellable, lookup_password_cb,
                           g_steal_pointer (&task));
}

/**
 * crm_server_lookup_password_finish:
 * @self: a #CrmServer
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the password, to be freed with
 *   crm_server_password_free(); %NULL with no error when the keyring
 *   keeps none
 */
char *
crm_server_lookup_password_finish (CrmServer     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * crm_server_lookup_password_sync:
 * @self: a #CrmServer
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * The command line's lookup, which may wait: a window uses
 * crm_server_lookup_password_async().
 *
 * Returns: (transfer full) (nullable): as crm_server_lookup_password_finish()
 */
char *
crm_server_lookup_password_sync (CrmServer     *self,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) cause = NULL;
  char *password;

  g_return_val_if_fail (CRM_IS_SERVER (self), NULL);

  attributes = server_attributes (self);
  password = secret_password_lookupv_sync (server_schema (), attributes, cancellable, &cause);
  if (cause != NULL)
    set_keyring_error (error, cause, _("The keyring could not give the password:"));

  return password;
}

/**
 * crm_server_forget_password_sync:
 * @self: a #CrmServer
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Removes this user's password on this server from the keyring, as when
 * the person signs out for good.
 *
 * Returns: %TRUE unless the keyring failed (there being none is no failure)
 */
gboolean
crm_server_forget_password_sync (CrmServer     *self,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GError) cause = NULL;

  g_return_val_if_fail (CRM_IS_SERVER (self), FALSE);

  attributes = server_attributes (self);
  secret_password_clearv_sync (server_schema (), attributes, cancellable, &cause);
  if (cause != NULL)
    {
      set_keyring_error (error, cause, _("The keyring could not forget the password:"));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_server_password_free:
 * @password: (nullable): a password from the keyring
 *
 * Clears the password's memory as it frees it.
 */
void
crm_server_password_free (char *password)
{
  secret_password_free (password);
}
