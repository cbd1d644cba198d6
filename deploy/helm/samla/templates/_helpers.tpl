{{/* Name of the chart, or nameOverride. */}}
{{- define "samla.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Release-qualified name used for every object. */}}
{{- define "samla.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains (include "samla.name" .) .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "samla.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "samla.selectorLabels" -}}
app.kubernetes.io/name: {{ include "samla.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "samla.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "samla.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Where the directory's YAML files come from: files, configMap, volume or "". */}}
{{- define "samla.directorySource" -}}
{{- $d := .Values.directory -}}
{{- if $d.files }}files{{ else if $d.existingConfigMap }}configMap{{ else if $d.volume }}volume{{ end -}}
{{- end -}}

{{/*
The rules the chart enforces. It refuses to render (helm install fails
with the message) rather than deploy something that loses data or leaks
a secret.
*/}}
{{- define "samla.validate" -}}
{{- $v := .Values -}}
{{- if not (has $v.store.type (list "bbolt" "redis")) -}}
{{- fail (printf "store.type must be bbolt or redis, not %q" $v.store.type) -}}
{{- end -}}
{{- if and (gt (int $v.replicaCount) 1) (ne $v.store.type "redis") -}}
{{- fail (printf "replicaCount=%d needs store.type=redis: bbolt keeps the state in one file that only one process may open" (int $v.replicaCount)) -}}
{{- end -}}
{{- if and (eq $v.store.type "redis") (not $v.existingSecret) -}}
{{- fail "store.type=redis needs existingSecret holding SAMLA_REDIS_URL (the URL may carry a password, so it is never a value)" -}}
{{- end -}}
{{- if and (eq $v.store.type "redis") (or (contains "{" $v.store.redisPrefix) (contains "}" $v.store.redisPrefix) (not $v.store.redisPrefix)) -}}
{{- fail "store.redisPrefix must be non-empty and hold no { or }" -}}
{{- end -}}
{{- range $name, $_ := $v.config -}}
{{- if not (hasPrefix "SAMLA_" $name) -}}
{{- fail (printf "config.%s: only SAMLA_* settings belong here" $name) -}}
{{- end -}}
{{- if has $name (list "SAMLA_LISTEN" "SAMLA_STORE" "SAMLA_DATA" "SAMLA_DIRECTORY" "SAMLA_REDIS_PREFIX") -}}
{{- fail (printf "config.%s is set by the chart (see store and directory in values.yaml)" $name) -}}
{{- end -}}
{{- if regexMatch "TOKENS?$|SECRET$|PASSWORD$|_KEY$|REDIS_URL$|SMTP_URL$" $name -}}
{{- fail (printf "config.%s is a secret: put it in the Secret named by existingSecret, not in values" $name) -}}
{{- end -}}
{{- end -}}
{{- $sources := 0 -}}
{{- if $v.directory.files }}{{ $sources = add1 $sources }}{{ end -}}
{{- if $v.directory.existingConfigMap }}{{ $sources = add1 $sources }}{{ end -}}
{{- if $v.directory.volume }}{{ $sources = add1 $sources }}{{ end -}}
{{- if gt $sources 1 -}}
{{- fail "directory: set only one of files, existingConfigMap and volume" -}}
{{- end -}}
{{- end -}}
