/* crm-store-users.c
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

/* The people of the department and who of them is working. On SQLite the
 * one person who signs in is the file's owner: the user whose login is the
 * account running Deals. Nobody picks who they are; adding a person or
 * changing a role is a manager's action, written to the audit log in the
 * same transaction as the change. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "crm-db.h"
#include "crm-limits.h"
#include "crm-store-private.h"
#include "crm-user.h"

static const char *
role_text (CrmRole role)
{
  return role == CRM_ROLE_MANAGER ? "manager" : "rep";
}

gboolean
_crm_store_load_users (CrmStore  *self,
                       GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GPtrArray) users = g_ptr_array_new_with_free_func (g_object_unref);
  CrmStep step;

  /* On a server the role is the server's word: the login role's
   * membership of deals_manager (migration 11's deals_role()). */
  stmt = crm_db_prepare_dialect (self->db,
                                 "SELECT id, name, role FROM users ORDER BY id",
                                 "SELECT id, name, deals_role (login, role) FROM users ORDER BY id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  while ((step = crm_statement_step (stmt, error)) == CRM_STEP_ROW)
    {
      CrmRole role = g_strcmp0 (crm_statement_get_text (stmt, 2), "manager") == 0
                     ? CRM_ROLE_MANAGER : CRM_ROLE_REP;

      g_ptr_array_add (users, crm_user_new (crm_statement_get_int64 (stmt, 0),
                                            crm_statement_get_text (stmt, 1),
                                            role));
    }

  if (step == CRM_STEP_ERROR)
    return FALSE;

  g_list_store_splice (self->users, 0, g_list_model_get_n_items (G_LIST_MODEL (self->users)),
                       users->pdata, users->len);
  return TRUE;
}

gboolean
_crm_store_insert_user (CrmStore    *self,
                        const char  *name,
                        CrmRole      role,
                        GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  /* On a server the one who sets the department up signs in as its
   * login role; migration 11 made that role a manager. */
  stmt = crm_db_prepare_dialect (self->db,
                                 "INSERT INTO users (name, role) VALUES (?1, ?2)",
                                 "INSERT INTO users (name, role, login) VALUES (?1, ?2, session_user)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, role_text (role));
  return crm_statement_run (stmt, error);
}

/* The id of the first row of @sql, with @text bound to ?1 when given; 0
 * when there is none. */
static gint64
query_id (CrmStore   *self,
          const char *sql,
          const char *text)
{
  g_autoptr(CrmStatement) stmt = crm_db_prepare (self->db, sql, NULL);

  if (stmt == NULL)
    return 0;

  if (text != NULL)
    crm_statement_bind_text (stmt, 1, text);
  if (crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return 0;

  return crm_statement_get_int64 (stmt, 0);
}

/* The file names another account as its owner: it stays open to read,
 * says whose it is, and refuses every write. */
static gboolean
refuse_other_owner (CrmStore *self)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = crm_db_prepare (self->db,
                         "SELECT name, login FROM users WHERE login IS NOT NULL ORDER BY id LIMIT 1",
                         NULL);
  if (stmt == NULL || crm_statement_step (stmt, NULL) != CRM_STEP_ROW)
    return FALSE;

  g_set_error (&error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_OWNER,
               /* Translators: the file, the owner's name, their account on the computer */
               _("“%s” belongs to %s (the account “%s” on this computer), so Deals opened it read-only. Open it from that account to work in it."),
               crm_store_get_path (self),
               crm_statement_get_text (stmt, 0),
               crm_statement_get_text (stmt, 1));
  crm_db_refuse_writes (self->db, error);
  g_clear_error (&self->owner_error);
  self->owner_error = g_steal_pointer (&error);
  return TRUE;
}

/* The first manager, else the first user. */
#define FIRST_MANAGER_SQL \
  "SELECT id FROM users ORDER BY CASE role WHEN 'manager' THEN 0 ELSE 1 END, id LIMIT 1"

/* A file made before logins, or whose users came without one (the first
 * manager of a fresh file, the demo's people), binds its owner once. The
 * first manager, else the first user: the person who set the file up on
 * this computer is its first manager, and an owner bound as a rep could
 * never add a person or make someone a manager (see docs/decisions.md). */
static gboolean
bind_owner (CrmStore    *self,
            const char  *account,
            GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *now = NULL;
  gint64 id;
  gboolean ok;

  id = query_id (self, FIRST_MANAGER_SQL, NULL);
  if (id == 0)
    return TRUE;

  if (!_crm_store_begin (self, error))
    return FALSE;

  /* The owner binds themselves: the audit row is theirs. */
  self->current_user_id = id;
  now = _crm_store_now_text (self);
  stmt = crm_db_prepare (self->db, "UPDATE users SET login = ?1 WHERE id = ?2 AND login IS NULL", error);
  ok = stmt != NULL;
  if (ok)
    {
      crm_statement_bind_text (stmt, 1, account);
      crm_statement_bind_int64 (stmt, 2, id);
      ok = crm_statement_run (stmt, error) &&
           _crm_store_add_audit (self, "bind-owner", "user", id, NULL, account, now, error);
    }

  if (!_crm_store_commit_or_rollback (self, ok, error))
    {
      self->current_user_id = 0;
      return FALSE;
    }

  return TRUE;
}

/* A login role of the server that is nobody in the department. With the
 * group role deals_rep it may still read (@read_only); without, it may
 * not even read, and the store does not open. */
void
_crm_store_set_no_person_error (GError     **error,
                                const char  *login,
                                const char  *database,
                                gboolean     read_only)
{
  if (read_only)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_PERSON,
                 /* Translators: the server's login role, then the database */
                 _("The login role “%s” is not one of the department’s people, so Deals opened “%s” read-only. Ask a sales manager to add you with that login."),
                 login, database);
  else
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_PERSON,
                 /* Translators: the server's login role, then the database */
                 _("The login role “%s” is not one of the department’s people and may not read “%s”. Ask a sales manager to add you with that login."),
                 login, database);
}

/* On a server, the person is the users row whose login is the login role
 * the connection signed in as (session_user). A role with no such row is
 * nobody in the department: the store stays open to read, says so, and
 * refuses every write, never acting as someone else. A database with no
 * people yet is being set up: whoever installs the procedure is added. */
static gboolean
sign_in_server (CrmStore  *self,
                gint64    *out_id,
                GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autoptr(GError) refusal = NULL;

  stmt = crm_db_prepare (self->db,
                         "SELECT session_user, (SELECT id FROM users WHERE login = session_user), "
                         "EXISTS (SELECT FROM users)",
                         error);
  if (stmt == NULL || crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  *out_id = crm_statement_get_int64 (stmt, 1);
  if (*out_id != 0 || crm_statement_get_int64 (stmt, 2) == 0)
    return TRUE;

  _crm_store_set_no_person_error (&refusal, crm_statement_get_text (stmt, 0), crm_store_get_path (self), TRUE);
  crm_db_refuse_writes (self->db, refusal);
  g_clear_error (&self->owner_error);
  self->owner_error = g_steal_pointer (&refusal);
  return TRUE;
}

/* Signs in the file's owner: the user whose login is the account running
 * Deals, bound first when the file has none; on a server, the user of the
 * connection's login role. Once someone is signed in (or the file was
 * found to be another account's), it stays so. */
gboolean
_crm_store_sign_in_owner (CrmStore  *self,
                          GError   **error)
{
  const char *account = g_get_user_name ();
  gint64 id = 0;

  if (self->current_user_id != 0 || self->owner_error != NULL)
    return TRUE;

  /* No local account is bound to a shared database: the server says who
   * signed in. */
  if (crm_db_is_postgresql (self->db))
    {
      if (!sign_in_server (self, &id, error))
        return FALSE;
    }
  else if ((id = query_id (self, "SELECT id FROM users WHERE login = ?1", account)) == 0)
    {
      if (refuse_other_owner (self))
        return TRUE;
      if (!bind_owner (self, account, error))
        return FALSE;
      id = self->current_user_id;
    }

  if (id != 0)
    {
      self->current_user_id = id;
      _crm_store_notify_current_user (self);
    }

  return TRUE;
}

/* On a team server a rep changes only the deals they own, and a manager
 * every deal (one team per database): the server's deals_may_change()
 * of migration 11, said first by the store in the person's language. A
 * file's one person changes every deal. */
gboolean
_crm_store_require_deal_owner (CrmStore  *self,
                               gint64     owner_id,
                               GError   **error)
{
  CrmUser *me;

  if (!crm_db_is_postgresql (self->db))
    return TRUE;

  me = crm_store_get_current_user (self);
  if (me != NULL && (crm_user_get_role (me) == CRM_ROLE_MANAGER ||
                     (owner_id != 0 && owner_id == crm_user_get_id (me))))
    return TRUE;

  if (self->owner_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->owner_error));
      return FALSE;
    }

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_PERMISSION,
                       _("Only the deal’s owner or a sales manager can change this deal."));
  return FALSE;
}

void
_crm_store_set_current_user (CrmStore *self,
                             gint64    user_id)
{
  g_return_if_fail (CRM_IS_STORE (self));

  if (self->current_user_id == user_id)
    return;

  self->current_user_id = user_id;
  _crm_store_notify_current_user (self);
}

/**
 * crm_store_get_owner_error:
 * @self: a #CrmStore
 *
 * A file bound to another account of this computer opens read-only, with
 * no one signed in; this says whose it is, and every write fails with it.
 *
 * Returns: (transfer none) (nullable): why the file is read-only, if it is
 */
const GError *
crm_store_get_owner_error (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->owner_error;
}

/**
 * crm_store_get_users:
 * @self: a #CrmStore
 *
 * Returns: (transfer none): the department's users
 */
GListModel *
crm_store_get_users (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return G_LIST_MODEL (self->users);
}

static CrmUser *
find_user (CrmStore *self,
           gint64    user_id)
{
  GListModel *model = G_LIST_MODEL (self->users);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmUser) user = g_list_model_get_item (model, i);

      if (crm_user_get_id (user) == user_id)
        return user;
    }

  return NULL;
}

/**
 * crm_store_get_current_user:
 * @self: a #CrmStore
 *
 * On SQLite, the file's owner, signed in by the account running Deals;
 * %NULL before anyone is (a fresh file) and in another account's file.
 *
 * Returns: (transfer none) (nullable): who is working
 */
CrmUser *
crm_store_get_current_user (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->current_user_id != 0 ? find_user (self, self->current_user_id) : NULL;
}

/* A server's login role, as PostgreSQL names one: bounded (63 bytes) and
 * kept to letters, digits and . _ - @, so that it is one plain name in
 * every message and in psql. */
static gboolean
check_login (const char  *login,
             GError     **error)
{
  gsize length = strlen (login);

  if (length == 0 || length > CRM_LIMIT_LOGIN)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                   _("A login is 1 to %d characters long."), CRM_LIMIT_LOGIN);
      return FALSE;
    }

  for (const char *c = login; *c != '\0'; c++)
    {
      if (!g_ascii_isalnum (*c) && strchr ("._-@", *c) == NULL)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                       _("The login “%s” may hold only letters, digits and . _ - @."), login);
          return FALSE;
        }
    }

  return TRUE;
}

/* The users row, and on a server the login role and its group role,
 * through migration 11's deals_add_person(): the server checks again that
 * the caller is a manager and writes both in this transaction. */
static gint64
insert_person (CrmStore    *self,
               const char  *name,
               const char  *login,
               CrmRole      role,
               GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  if (!crm_db_is_postgresql (self->db))
    return _crm_store_insert_user (self, name, role, error) ? crm_db_last_insert_id (self->db) : 0;

  stmt = crm_db_prepare (self->db, "SELECT deals_add_person (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;

  crm_statement_bind_text (stmt, 1, name);
  crm_statement_bind_text (stmt, 2, login);
  crm_statement_bind_text (stmt, 3, role_text (role));
  if (crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return 0;

  return crm_statement_get_int64 (stmt, 0);
}

/**
 * crm_store_add_user:
 * @self: a #CrmStore
 * @name: the person's name
 * @role: rep or manager
 * @error: return location for a #GError
 *
 * Adds a person with no login: crm_store_add_person() without one.
 *
 * Returns: the new user's id, or 0 on error
 */
gint64
crm_store_add_user (CrmStore    *self,
                    const char  *name,
                    CrmRole      role,
                    GError     **error)
{
  return crm_store_add_person (self, name, NULL, role, error);
}

/**
 * crm_store_add_person:
 * @self: a #CrmStore
 * @name: the person's name
 * @login: (nullable): on a team server, the login role they sign in as
 * @role: rep or manager
 * @error: return location for a #GError
 *
 * Adds a person to the department: a manager's action, refused for a rep
 * with %CRM_STORE_ERROR_PERMISSION, and audited with the new role. On a
 * team server, a @login is the PostgreSQL login role the person signs in
 * as: made when it is missing (with no password; the administrator gives
 * it one) and made a member of deals_rep or deals_manager, in the same
 * transaction, by the server, which refuses anyone but a manager too. A
 * file's people sign in by the file's owner only, so a login is refused
 * there.
 *
 * Returns: the new user's id, or 0 on error
 */
gint64
crm_store_add_person (CrmStore    *self,
                      const char  *name,
                      const char  *login,
                      CrmRole      role,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *now = NULL;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!_crm_store_require_manager (self, _("Only a manager can add people to the department."), error))
    return 0;

  if (!crm_limits_dup_trimmed (_("Name"), name, CRM_LIMIT_NAME, CRM_TEXT_LINE, &trimmed, error))
    return 0;

  if (trimmed == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                           _("A user needs a name."));
      return 0;
    }

  if (login != NULL && !crm_db_is_postgresql (self->db))
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_INVALID_NAME,
                           _("Only a team server’s people sign in with a login; a file’s person is its owner."));
      return 0;
    }

  if (login != NULL && !check_login (login, error))
    return 0;

  if (!_crm_store_begin (self, error))
    return 0;

  now = _crm_store_now_text (self);
  id = insert_person (self, trimmed, login, role, error);
  ok = id != 0 &&
       _crm_store_add_audit (self, "add-user", "user", id, NULL, role_text (role), now, error);

  if (!_crm_store_commit_or_rollback (self, ok, error) || !_crm_store_load_users (self, error))
    return 0;

  return id;
}

/* Within the change's transaction: a department keeps at least one
 * manager, or nobody could add a person or change a role again. */
static gboolean
leaves_a_manager (CrmStore  *self,
                  gint64     user_id,
                  GError   **error)
{
  g_autoptr(CrmStatement) stmt = NULL;

  stmt = crm_db_prepare_dialect (self->db,
                                 "SELECT count(*) FROM users WHERE role = 'manager' AND id <> ?1",
                                 "SELECT count(*) FROM users WHERE deals_role (login, role) = 'manager' AND id <> ?1",
                                 error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_int64 (stmt, 1, user_id);
  if (crm_statement_step (stmt, error) != CRM_STEP_ROW)
    return FALSE;

  if (crm_statement_get_int64 (stmt, 0) > 0)
    return TRUE;

  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_LAST_MANAGER,
                       _("The department needs a manager: make someone else a manager first."));
  return FALSE;
}

static gboolean
update_role (CrmStore    *self,
             gint64       user_id,
             CrmRole      old_role,
             CrmRole      role,
             GError     **error)
{
  g_autoptr(CrmStatement) stmt = NULL;
  g_autofree char *now = _crm_store_now_text (self);

  if (old_role == CRM_ROLE_MANAGER && !leaves_a_manager (self, user_id, error))
    return FALSE;

  /* On a server, deals_set_role() changes the group membership with the
   * row, and refuses anyone but a manager itself. */
  stmt = crm_db_prepare_dialect (self->db,
                                 "UPDATE users SET role = ?1 WHERE id = ?2",
                                 "SELECT deals_set_role (?2, ?1)",
                                 error);
  if (stmt == NULL)
    return FALSE;

  crm_statement_bind_text (stmt, 1, role_text (role));
  crm_statement_bind_int64 (stmt, 2, user_id);
  return crm_statement_run (stmt, error) &&
         _crm_store_add_audit (self, "change-role", "user", user_id,
                               role_text (old_role), role_text (role), now, error);
}

/**
 * crm_store_set_user_role:
 * @self: a #CrmStore
 * @user_id: a person of the department
 * @role: their new role
 * @error: return location for a #GError
 *
 * Changes a person's role: a manager's action, refused for a rep with
 * %CRM_STORE_ERROR_PERMISSION. The old and the new role go to the audit
 * log in the same transaction. A change that would leave the department
 * with no manager (the last one making themselves a rep) is refused with
 * %CRM_STORE_ERROR_LAST_MANAGER.
 *
 * Returns: %TRUE on success, or when the role was already @role
 */
gboolean
crm_store_set_user_role (CrmStore  *self,
                         gint64     user_id,
                         CrmRole    role,
                         GError   **error)
{
  CrmUser *user;
  CrmRole old_role;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!_crm_store_require_manager (self, _("Only a manager can change someone’s role."), error))
    return FALSE;

  if ((user = find_user (self, user_id)) == NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_FOUND,
                           _("That person is not one of the department’s."));
      return FALSE;
    }

  old_role = crm_user_get_role (user);
  if (old_role == role)
    return TRUE;

  if (!_crm_store_begin (self, error) ||
      !_crm_store_commit_or_rollback (self, update_role (self, user_id, old_role, role, error), error) ||
      !_crm_store_load_users (self, error))
    return FALSE;

  /* Users are immutable: the current one is a new object now. */
  if (user_id == self->current_user_id)
    _crm_store_notify_current_user (self);

  return TRUE;
}
