/* crm-server.h
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

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* An address longer than this is refused before libpq parses it. */
#define CRM_SERVER_MAX_URI       2048
/* PostgreSQL's own limit on a role's or a database's name (NAMEDATALEN - 1). */
#define CRM_SERVER_MAX_NAME      63
/* A host name (RFC 1035), or an IPv6 address in its longest form. */
#define CRM_SERVER_MAX_HOST      253
#define CRM_SERVER_DEFAULT_PORT  5432
/* The longest password the keyring is asked to keep. */
#define CRM_SERVER_MAX_PASSWORD  1024

#define CRM_SERVER_ERROR (crm_server_error_quark ())

/**
 * CrmServerError:
 * @CRM_SERVER_ERROR_INVALID: the address is not one of a PostgreSQL server
 * @CRM_SERVER_ERROR_PASSWORD_IN_ADDRESS: the address holds a password
 * @CRM_SERVER_ERROR_KEYRING: the keyring could not keep or give the password
 * @CRM_SERVER_ERROR_UNREACHABLE: no server answers at the address
 * @CRM_SERVER_ERROR_REFUSED: the server answered and refused the sign-in
 *   (a wrong password, an unknown user or database); the message is the
 *   server's reason
 * @CRM_SERVER_ERROR_NOT_DEALS: the database holds another program's tables
 * @CRM_SERVER_ERROR_TOO_NEW: the database has a newer Deals' schema
 *
 * Why a team server's address, its password or a connection to it was
 * refused.
 */
typedef enum
{
  CRM_SERVER_ERROR_INVALID,
  CRM_SERVER_ERROR_PASSWORD_IN_ADDRESS,
  CRM_SERVER_ERROR_KEYRING,
  CRM_SERVER_ERROR_UNREACHABLE,
  CRM_SERVER_ERROR_REFUSED,
  CRM_SERVER_ERROR_NOT_DEALS,
  CRM_SERVER_ERROR_TOO_NEW,
} CrmServerError;

/**
 * CrmServerTls:
 * @CRM_SERVER_TLS_DISABLE: no encryption (a server on this machine)
 * @CRM_SERVER_TLS_PREFER: encrypted when the server offers it
 * @CRM_SERVER_TLS_REQUIRE: always encrypted, the certificate not checked
 * @CRM_SERVER_TLS_VERIFY_FULL: always encrypted, the certificate and the
 *   host name checked against the system's authorities
 *
 * How the connection to a team server is protected: libpq's `sslmode`.
 */
typedef enum
{
  CRM_SERVER_TLS_DISABLE,
  CRM_SERVER_TLS_PREFER,
  CRM_SERVER_TLS_REQUIRE,
  CRM_SERVER_TLS_VERIFY_FULL,
} CrmServerTls;

#define CRM_TYPE_SERVER (crm_server_get_type ())

G_DECLARE_FINAL_TYPE (CrmServer, crm_server, CRM, SERVER, GObject)

GQuark        crm_server_error_quark             (void);

CrmServer    *crm_server_new                     (const char           *host,
                                                  guint                 port,
                                                  const char           *database,
                                                  const char           *user,
                                                  CrmServerTls          tls,
                                                  GError              **error);
CrmServer    *crm_server_new_from_uri            (const char           *uri,
                                                  GError              **error);
const char   *crm_server_get_host                (CrmServer            *self);
guint         crm_server_get_port                (CrmServer            *self);
const char   *crm_server_get_database           (CrmServer            *self);
const char   *crm_server_get_user                (CrmServer            *self);
CrmServerTls  crm_server_get_tls                 (CrmServer            *self);
char         *crm_server_dup_uri                 (CrmServer            *self);
char         *crm_server_dup_label               (CrmServer            *self);
const char   *crm_server_tls_to_string           (CrmServerTls          tls);
gboolean      crm_server_tls_from_string         (const char           *text,
                                                  CrmServerTls         *tls);

void          crm_server_store_password_async    (CrmServer            *self,
                                                  const char           *password,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      crm_server_store_password_finish   (CrmServer            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
gboolean      crm_server_store_password_sync     (CrmServer            *self,
                                                  const char           *password,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void          crm_server_lookup_password_async   (CrmServer            *self,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
char         *crm_server_lookup_password_finish  (CrmServer            *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);
char         *crm_server_lookup_password_sync    (CrmServer            *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
gboolean      crm_server_forget_password_sync    (CrmServer            *self,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void          crm_server_password_free           (char                 *password);

void          crm_server_test_connection_async   (CrmServer            *self,
                                                  const char           *password,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      crm_server_test_connection_finish  (CrmServer            *self,
                                                  GAsyncResult         *result,
                                                  guint                *out_version,
                                                  GError              **error);
guint         crm_server_get_known_schema_version (void);
gboolean      crm_server_test_connection_sync    (CrmServer            *self,
                                                  const char           *password,
                                                  guint                *out_version,
                                                  GError              **error);

G_END_DECLS
